export type FetchErrorKind = 'session' | 'network' | 'http'

/** A failed request, with a message fit to show the user. */
export class FetchError extends Error {
  readonly kind: FetchErrorKind
  readonly status?: number

  constructor(kind: FetchErrorKind, message: string, status?: number) {
    super(message)
    this.name = 'FetchError'
    this.kind = kind
    this.status = status
  }
}

const SESSION_EXPIRED = 'Your session has expired.'

/** GET a JSON resource with the session cookie; rejects with a FetchError. */
export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      signal,
    })
  } catch (e) {
    if (signal?.aborted) throw e
    throw new FetchError('network', 'Could not reach the server.')
  }
  if (response.status === 401) {
    throw new FetchError('session', SESSION_EXPIRED, 401)
  }
  const isJson = /json/i.test(response.headers.get('Content-Type') ?? '')
  if (!response.ok) {
    throw new FetchError('http', await problemMessage(response, isJson), response.status)
  }
  if (!isJson) {
    // A redirect to the HTML login page instead of a 401 also means the session is gone.
    if (response.redirected) throw new FetchError('session', SESSION_EXPIRED, 401)
    throw new FetchError('http', 'Unexpected response from the server.', response.status)
  }
  try {
    return (await response.json()) as T
  } catch (e) {
    if (signal?.aborted) throw e
    throw new FetchError('http', 'Unexpected response from the server.', response.status)
  }
}

/** The page's CSRF token as a header, from the meta tags the layout writes (Spring Security's names). */
export function csrfHeaders(root: Document = document): Record<string, string> {
  const header = root.querySelector<HTMLMetaElement>('meta[name=_csrf_header]')?.content
  const token = root.querySelector<HTMLMetaElement>('meta[name=_csrf]')?.content
  return header && token ? { [header]: token } : {}
}

/**
 * POST `body` as JSON with the session cookie and the page's CSRF token. Resolves with the response when it is
 * OK, for the caller to read (it may stream); rejects with a FetchError saying why otherwise.
 */
export function postJson(url: string, body: unknown, accept = 'application/json',
  root: Document = document): Promise<Response> {
  return sendJson('POST', url, body, accept, root)
}

/** PUT `body` as JSON, as {@link postJson} posts it. */
export function putJson(url: string, body: unknown, root: Document = document): Promise<Response> {
  return sendJson('PUT', url, body, 'application/json', root)
}

/** Like postJson, with another method (PATCH, DELETE); an undefined `body` sends none. */
export async function sendJson(method: string, url: string, body: unknown, accept = 'application/json',
  root: Document = document): Promise<Response> {
  let response: Response
  try {
    response = await fetch(url, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        Accept: `${accept}, application/problem+json`,
        ...csrfHeaders(root),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    })
  } catch {
    throw new FetchError('network', 'Could not reach the server.')
  }
  const isJson = /json/i.test(response.headers.get('Content-Type') ?? '')
  // A redirect to the HTML login page instead of a 401 also means the session is gone.
  if (response.status === 401 || (response.redirected && !isJson)) {
    throw new FetchError('session', SESSION_EXPIRED, 401)
  }
  if (!response.ok) {
    throw new FetchError('http', await problemMessage(response, isJson, 'complete the request'), response.status)
  }
  return response
}

/** The `detail` (or `title`) of an RFC 9457 problem document, else a generic message. */
async function problemMessage(response: Response, isJson: boolean, what = 'load the data'): Promise<string> {
  if (isJson) {
    try {
      const problem: unknown = await response.json()
      if (problem && typeof problem === 'object') {
        const { detail, title } = problem as Record<string, unknown>
        if (typeof detail === 'string' && detail) return detail
        if (typeof title === 'string' && title) return title
      }
    } catch {
      // not a readable problem document: fall through
    }
  }
  return `The server could not ${what} (HTTP ${response.status}).`
}
