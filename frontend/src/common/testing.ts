import { vi } from 'vitest'

/** A JSON response as the API sends it. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

/** An RFC 9457 problem response, as Spring's ProblemDetail renders it. */
export function problemResponse(status: number, detail: string, title = 'Not Found'): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title, status, detail }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  })
}

/** Replaces the global fetch; `respond` gets the requested URL. */
export function mockFetch(respond: (url: string) => Response | Promise<Response>) {
  const fetch = vi.fn((input: RequestInfo | URL, _init?: RequestInit) => Promise.resolve(respond(String(input))))
  vi.stubGlobal('fetch', fetch)
  return fetch
}

/** A fetch that never answers, to look at the loading state. */
export function pendingFetch() {
  const fetch = vi.fn((_input: RequestInfo | URL, _init?: RequestInit) => new Promise<Response>(() => {}))
  vi.stubGlobal('fetch', fetch)
  return fetch
}

/** The bars / points of a chart: the data elements we give an aria-label. */
export function dataElements(chart: HTMLElement): SVGElement[] {
  return Array.from(chart.querySelectorAll<SVGElement>('path[aria-label]'))
}
