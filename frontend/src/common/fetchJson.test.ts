import { describe, expect, it, vi } from 'vitest'
import { FetchError, fetchJson, postJson } from './fetchJson'
import { jsonResponse, mockFetch, problemResponse } from './testing'

const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail('should have failed'), (e: FetchError) => e)

describe('fetchJson', () => {
  it('asks for JSON with the session cookie', async () => {
    const fetch = mockFetch(() => jsonResponse([{ year: 2024 }]))
    await expect(fetchJson('/api/v1/earnings/totals')).resolves.toEqual([{ year: 2024 }])
    expect(fetch).toHaveBeenCalledWith('/api/v1/earnings/totals', {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      signal: undefined,
    })
  })

  it('shows the detail of a problem response', async () => {
    mockFetch(() => problemResponse(404, 'Company 9 not found.'))
    const error = await failure(fetchJson('/x'))
    expect(error).toBeInstanceOf(FetchError)
    expect([error.kind, error.status, error.message]).toEqual(['http', 404, 'Company 9 not found.'])
  })

  it('falls back to the problem title, then to a generic message', async () => {
    mockFetch(() => new Response(JSON.stringify({ title: 'Bad Request', status: 400 }), {
      status: 400,
      headers: { 'Content-Type': 'application/problem+json' },
    }))
    expect((await failure(fetchJson('/x'))).message).toBe('Bad Request')

    mockFetch(() => new Response('<html>oops</html>', { status: 500, headers: { 'Content-Type': 'text/html' } }))
    expect((await failure(fetchJson('/x'))).message).toBe('The server could not load the data (HTTP 500).')
  })

  it('reports an expired session on 401', async () => {
    mockFetch(() => problemResponse(401, 'Full authentication is required', 'Unauthorized'))
    const error = await failure(fetchJson('/x'))
    expect([error.kind, error.status]).toEqual(['session', 401])
  })

  it('reports an expired session when redirected to the HTML login page', async () => {
    const login = new Response('<form>', { status: 200, headers: { 'Content-Type': 'text/html' } })
    Object.defineProperty(login, 'redirected', { value: true })
    mockFetch(() => login)
    expect((await failure(fetchJson('/x'))).kind).toBe('session')
  })

  it('reports a network failure', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))))
    const error = await failure(fetchJson('/x'))
    expect([error.kind, error.message]).toEqual(['network', 'Could not reach the server.'])
  })
})

describe('postJson', () => {
  function page(): Document {
    const doc = document.implementation.createHTMLDocument('page')
    doc.head.innerHTML = '<meta name="_csrf_header" content="X-CSRF-TOKEN"><meta name="_csrf" content="token-1">'
    return doc
  }

  it('posts JSON with the session cookie and the page\'s CSRF token, and hands back the answer to read', async () => {
    const fetch = mockFetch(() => new Response('{"done":true}\n', { headers: { 'Content-Type': 'application/x-ndjson' } }))
    const response = await postJson('/destiny/items/move', { item: '1', to: 'vault' }, 'application/x-ndjson', page())
    expect(await response.text()).toBe('{"done":true}\n')
    expect(fetch).toHaveBeenCalledWith('/destiny/items/move', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/x-ndjson, application/problem+json',
        'X-CSRF-TOKEN': 'token-1' },
      body: '{"item":"1","to":"vault"}',
      credentials: 'same-origin',
    })
  })

  it('rejects with the detail of a problem response', async () => {
    mockFetch(() => problemResponse(409, 'Classified items cannot be moved.', 'Conflict'))
    const error = await failure(postJson('/x', {}, 'application/json', page()))
    expect([error.kind, error.status, error.message]).toEqual(['http', 409, 'Classified items cannot be moved.'])

    mockFetch(() => new Response('<html>oops</html>', { status: 403, headers: { 'Content-Type': 'text/html' } }))
    expect((await failure(postJson('/x', {}, 'application/json', page()))).message)
      .toBe('The server could not complete the request (HTTP 403).')
  })

  it('reports an expired session, also when sent to the HTML login page, and a network failure', async () => {
    const login = new Response('<form>', { status: 200, headers: { 'Content-Type': 'text/html' } })
    Object.defineProperty(login, 'redirected', { value: true })
    mockFetch(() => login)
    expect((await failure(postJson('/x', {}, 'application/json', page()))).kind).toBe('session')

    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))))
    expect((await failure(postJson('/x', {}, 'application/json', page()))).kind).toBe('network')
  })
})
