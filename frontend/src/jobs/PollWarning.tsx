import type { FetchError } from '../common/fetchJson'
import { isTransient } from './jobStatus'

/** A failed refresh: small, since the last data stays on screen. */
export function PollWarning({ error }: { error: FetchError }) {
  return (
    <p className="small text-warning-emphasis mb-2" role="status">
      <i className="bi bi-exclamation-triangle me-1" aria-hidden="true" />
      {error.kind === 'session' ? (
        <>
          Your session has expired. <a href="/login">Sign in again</a> to see updates.
        </>
      ) : (
        `Could not refresh: ${error.message}${isTransient(error) ? ' Retrying…' : ''}`
      )}
    </p>
  )
}
