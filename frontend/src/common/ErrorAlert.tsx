import type { FetchError } from './fetchJson'

export function ErrorAlert({ error }: { error: FetchError }) {
  return (
    <div className="alert alert-danger" role="alert">
      {error.kind === 'session' ? (
        <>
          Your session has expired. <a href="/login" className="alert-link">Sign in again</a>.
        </>
      ) : (
        error.message
      )}
    </div>
  )
}
