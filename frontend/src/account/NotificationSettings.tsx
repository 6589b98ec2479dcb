import { useEffect, useState, type FormEvent } from 'react'
import { ErrorAlert } from '../common/ErrorAlert'
import { FetchError, fetchJson, putJson } from '../common/fetchJson'
import { Loading } from '../common/Loading'

export const NOTIFICATIONS_URL = '/api/v1/account/notifications'

/** GET /api/v1/account/notifications. */
export interface Settings {
  email: string | null
  emailConfirmed: boolean
  xur: boolean
  slack: boolean
  emailAvailable: boolean
  slackAvailable: boolean
}

/** "Xûr's weekly notice", on the account page and on the Xûr page: the same API scripts use. */
export function NotificationSettings() {
  const [settings, setSettings] = useState<Settings>()
  const [email, setEmail] = useState('')
  const [xur, setXur] = useState(false)
  const [slack, setSlack] = useState(false)
  const [error, setError] = useState<FetchError>()
  const [saved, setSaved] = useState<string>()
  const [busy, setBusy] = useState(false)

  const show = (loaded: Settings) => {
    setSettings(loaded)
    setEmail(loaded.email ?? '')
    setXur(loaded.xur)
    setSlack(loaded.slack)
  }

  useEffect(() => {
    const abort = new AbortController()
    fetchJson<Settings>(NOTIFICATIONS_URL, abort.signal).then(show, (e: unknown) => {
      if (e instanceof FetchError) setError(e)
    })
    return () => abort.abort()
  }, [])

  if (!settings) return error ? <ErrorAlert error={error} /> : <Loading />

  const save = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    setSaved(undefined)
    try {
      const response = await putJson(NOTIFICATIONS_URL, { email: email.trim() || null, xur, slack })
      const stored = (await response.json()) as Settings
      show(stored)
      setSaved(stored.email && !stored.emailConfirmed
        ? `Saved. We sent a link to ${stored.email}: follow it to confirm the address.`
        : 'Saved.')
    } catch (e) {
      if (e instanceof FetchError) setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={save} noValidate>
      <p className="text-secondary small">When Xûr arrives with the Friday reset (17:00 UTC), Tower can send you his
        inventory, once per visit.</p>
      <div className="mb-3">
        <label className="form-label" htmlFor="notice-email">E-mail address</label>
        <input className="form-control" id="notice-email" type="email" autoComplete="email" value={email}
          disabled={!settings.emailAvailable} onChange={(e) => setEmail(e.target.value)}
          placeholder="you@example.com" aria-describedby="notice-email-state" />
        <div className="form-text" id="notice-email-state">
          {!settings.emailAvailable
            ? 'E-mail is not set up on this Tower (its operator sets SPRING_MAIL_HOST and TOWER_MAIL_FROM).'
            : settings.email && settings.emailConfirmed
              ? <><i className="bi bi-check-circle-fill text-success me-1" />Confirmed.</>
              : settings.email
                ? 'Not confirmed yet: follow the link we mailed you. Save again to get a new one.'
                : 'We mail a link to confirm it.'}
        </div>
      </div>
      <div className="form-check mb-2">
        <input className="form-check-input" type="checkbox" id="notice-xur" checked={xur}
          disabled={!settings.emailAvailable} onChange={(e) => setXur(e.target.checked)} />
        <label className="form-check-label" htmlFor="notice-xur">Mail me Xûr's inventory when he arrives</label>
      </div>
      <div className="form-check mb-3">
        <input className="form-check-input" type="checkbox" id="notice-slack" checked={slack}
          disabled={!settings.slackAvailable && !settings.slack} onChange={(e) => setSlack(e.target.checked)} />
        <label className="form-check-label" htmlFor="notice-slack">Announce him in the Slack channel
          {!settings.slackAvailable && <span className="text-secondary"> (Slack is not set up on this Tower)</span>}
        </label>
      </div>
      {error && <ErrorAlert error={error} />}
      {saved && <div className="alert alert-success" role="status">{saved}</div>}
      <button className="btn btn-primary" type="submit" disabled={busy}>Save</button>
    </form>
  )
}
