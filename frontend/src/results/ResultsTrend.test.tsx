import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { dataElements, jsonResponse, mockFetch, pendingFetch, problemResponse } from '../common/testing'
import { ResultsTrend } from './ResultsTrend'
import { nightlyRuns, runTotals } from './testResults'

const runs = [
  runTotals({ runId: 10, name: 'nightly-1232', startedAt: '2026-11-18T02:00:00Z', passed: 1190, failed: 0, errors: 0, skipped: 10, flaky: 0 }),
  runTotals({ runId: 11, name: 'nightly-1233', startedAt: '2026-11-19T02:00:00Z', passed: 1185, failed: 1, errors: 0, skipped: 14, flaky: 1 }),
  runTotals(), // nightly-1234, 20 Nov: 1,180 passed, 3 failed + 1 error, 16 skipped, 2 flaky
]

const labels = (chart: HTMLElement) => dataElements(chart).map((bar) => bar.getAttribute('aria-label'))
const texts = (chart: HTMLElement) => Array.from(chart.querySelectorAll('text'), (t) => t.textContent)
/** The stack segments of one colour (they have no aria-label: the run's column carries it). */
const segments = (chart: HTMLElement, rgb: string) =>
  Array.from(chart.querySelectorAll<SVGPathElement>('path:not([aria-label])')).filter((p) => p.style.fill === rgb)
const GREEN = 'rgb(25, 135, 84)'
const RED = 'rgb(220, 53, 69)'
const GREY = 'rgb(173, 181, 189)'

const column = (chart: HTMLElement, name: string) => {
  const found = dataElements(chart).find((bar) => bar.getAttribute('aria-label')?.startsWith(`${name} ·`))
  if (!found) throw new Error(`no column for ${name}`)
  return found
}

describe('ResultsTrend', () => {
  it("shows a loading state while the request is pending, asking with the page's filters", () => {
    const fetch = pendingFetch()
    const { unmount } = render(<ResultsTrend query="owner=acme&site=lab&limit=60" />)
    expect(screen.getByRole('status').textContent).toContain('Loading…')
    expect(fetch.mock.calls[0][0]).toBe('/api/v1/results/trend?owner=acme&site=lab&limit=60')
    unmount()

    render(<ResultsTrend />)
    expect(fetch.mock.calls[1][0]).toBe('/api/v1/results/trend')
  })

  it('shows the problem detail of an error response', async () => {
    mockFetch(() => problemResponse(400, 'Unknown site "lab".', 'Bad Request'))
    render(<ResultsTrend query="site=lab" />)
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toBe('Unknown site "lab".')
    expect(alert.className).toContain('alert-danger')
  })

  it('asks to sign in again on 401', async () => {
    mockFetch(() => new Response(null, { status: 401 }))
    render(<ResultsTrend />)
    expect((await screen.findByRole('alert')).textContent).toBe('Your session has expired. Sign in again.')
    expect(screen.getByRole('link', { name: 'Sign in again' }).getAttribute('href')).toBe('/login')
  })

  it('says the server is unreachable on a network failure', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))))
    render(<ResultsTrend />)
    expect((await screen.findByRole('alert')).textContent).toBe('Could not reach the server.')
  })

  it('says so when no run matches the filters', async () => {
    mockFetch(() => jsonResponse([]))
    render(<ResultsTrend query="owner=nobody" />)
    expect((await screen.findByText('No runs match these filters yet.')).className).toContain('text-body-secondary')
    expect(screen.queryByTestId('results-trend-chart')).toBeNull()
  })

  it('draws a column per run, oldest first, labelled with its counts', async () => {
    mockFetch(() => jsonResponse(runs))
    render(<ResultsTrend query="owner=acme" />)
    const chart = await screen.findByTestId('results-trend-chart')

    expect(screen.getByRole('heading').textContent).toBe('Test results per run')
    expect(chart.querySelector('svg')).not.toBeNull()
    expect(labels(chart)).toEqual([
      'nightly-1232 · 18 Nov 2026: 1,190 passed, 0 failed, 10 skipped',
      'nightly-1233 · 19 Nov 2026: 1,185 passed, 1 failed, 14 skipped (1 flaky)',
      'nightly-1234 · 20 Nov 2026: 1,180 passed, 4 failed, 16 skipped (2 flaky)',
    ])
    expect(texts(chart)).toEqual(expect.arrayContaining(['18 Nov', '19 Nov', '20 Nov', '0', '500', '1,000', '1,500']))
    // columns are links: focusable, and see-through until hovered
    expect(dataElements(chart).map((bar) => [bar.getAttribute('role'), bar.getAttribute('tabindex'), bar.style.fill])).toEqual(
      Array(3).fill(['link', '0', 'transparent']),
    )
    expect(Array.from(chart.querySelectorAll('.small > span'), (s) => s.textContent)).toEqual(['Passed', 'Failed or error', 'Skipped'])
  })

  it('stacks failures on the passed tests and skipped ones on top, in green, red and grey', async () => {
    mockFetch(() => jsonResponse(runs))
    render(<ResultsTrend />)
    const chart = await screen.findByTestId('results-trend-chart')

    expect(segments(chart, GREEN)).toHaveLength(3)
    expect(segments(chart, RED)).toHaveLength(2) // the first run had no failures: no empty segment
    expect(segments(chart, GREY)).toHaveLength(3)
    // SVG y grows downwards: in the last column, red starts where green ends, grey where red ends
    const [green, red, grey] = [GREEN, RED, GREY].map((rgb) => verticalExtent(segments(chart, rgb).at(-1)!))
    expect(red.bottom).toBeCloseTo(green.top, 3)
    expect(grey.bottom).toBeCloseTo(red.top, 3)
    expect(verticalExtent(column(chart, 'nightly-1234')).bottom).toBeCloseTo(green.bottom, 3)
  })

  it('shows the counts in a tooltip and highlights the column on hover', async () => {
    mockFetch(() => jsonResponse(runs))
    render(<ResultsTrend />)
    const chart = await screen.findByTestId('results-trend-chart')
    const bar = column(chart, 'nightly-1234')
    const tooltip = 'nightly-1234 · 20 Nov 2026: 1,180 passed, 4 failed, 16 skipped (2 flaky)'
    expect(texts(chart)).not.toContain(tooltip)

    fireEvent.mouseOver(bar)

    expect(texts(chart)).toContain(tooltip)
    expect(column(chart, 'nightly-1234').style.fill).toBe('rgba(33, 37, 41, 0.08)')
    fireEvent.mouseOut(column(chart, 'nightly-1234'))
    expect(texts(chart)).not.toContain(tooltip)
  })

  it('shows the tooltip on keyboard focus too', async () => {
    mockFetch(() => jsonResponse(runs))
    render(<ResultsTrend />)
    const chart = await screen.findByTestId('results-trend-chart')
    fireEvent.focus(column(chart, 'nightly-1232'))
    expect(texts(chart)).toContain('nightly-1232 · 18 Nov 2026: 1,190 passed, 0 failed, 10 skipped')
  })

  it('breaks the tooltip into lines on a narrow chart', async () => {
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(320)
    mockFetch(() => jsonResponse(runs))
    render(<ResultsTrend />)
    const chart = await screen.findByTestId('results-trend-chart')
    expect(chart.querySelector('svg')?.getAttribute('viewBox')).toBe('0 0 320 290')

    fireEvent.mouseOver(column(chart, 'nightly-1234'))

    const tooltip = Array.from(chart.querySelectorAll('text')).find((t) => t.textContent?.startsWith('nightly-1234'))
    expect(Array.from(tooltip?.querySelectorAll('tspan') ?? [], (line) => line.textContent)).toEqual([
      'nightly-1234 · 20 Nov 2026:',
      '1,180 passed, 4 failed, 16 skipped',
      '(2 flaky)',
    ])
  })

  it('opens the run when its column is clicked, or on Enter', async () => {
    const assign = vi.fn()
    vi.stubGlobal('location', { ...window.location, assign })
    mockFetch(() => jsonResponse(runs))
    render(<ResultsTrend />)
    const chart = await screen.findByTestId('results-trend-chart')

    fireEvent.click(column(chart, 'nightly-1233'))
    expect(assign).toHaveBeenCalledWith('/results/runs/11')

    fireEvent.keyDown(column(chart, 'nightly-1234'), { key: 'Tab' })
    expect(assign).toHaveBeenCalledTimes(1)
    fireEvent.keyDown(column(chart, 'nightly-1234'), { key: 'Enter' })
    expect(assign).toHaveBeenLastCalledWith('/results/runs/12')
  })

  it('thins the date ticks to fit, keeping the latest run', async () => {
    mockFetch(() => jsonResponse(nightlyRuns(60)))
    render(<ResultsTrend />)
    const chart = await screen.findByTestId('results-trend-chart')

    expect(dataElements(chart)).toHaveLength(60)
    const dates = texts(chart).filter((t) => /^\d+ (Nov|Dec)$/.test(t ?? ''))
    expect(dates.length).toBeGreaterThan(3)
    expect(dates.length).toBeLessThanOrEqual(10) // 640 px wide
    expect(dates.at(-1)).toBe('30 Dec')
    expect(dates).toEqual([...new Set(dates)])
  })

  it('shortens big numbers on the axis, and shows them exactly in labels and summary', async () => {
    mockFetch(() => jsonResponse([
      runTotals({ runId: 1, name: 'full-1', passed: 1_234_000, failed: 500, errors: 67, skipped: 12_000, flaky: 1_500 }),
      runTotals({ runId: 2, name: 'full-2', passed: 1_250_000, failed: 0, errors: 0, skipped: 0, flaky: 0 }),
    ]))
    render(<ResultsTrend />)
    const chart = await screen.findByTestId('results-trend-chart')

    expect(texts(chart)).toEqual(expect.arrayContaining(['0', '500K', '1M', '1.5M']))
    expect(labels(chart)[0]).toBe('full-1 · 20 Nov 2026: 1,234,000 passed, 567 failed, 12,000 skipped (1,500 flaky)')
    expect(screen.getByText(/^Last run/).textContent).toBe(
      'Last run full-2: 100% passed (1,250,000 of 1,250,000), 0.1 points above the median of these 2 runs (99.9%).',
    )
  })

  it('sums up the last run against the median of the runs shown', async () => {
    mockFetch(() => jsonResponse(runs))
    render(<ResultsTrend />)
    await screen.findByTestId('results-trend-chart')
    // 100%, 99.9% and 99.6%
    expect(screen.getByText(/^Last run/).textContent).toBe(
      'Last run nightly-1234: 99.6% passed (1,180 of 1,184), 0.3 points below the median of these 3 runs (99.9%).',
    )
  })
})

/** Top and bottom y of a bar path ("M x,y L x,y ..."), in SVG coordinates. */
function verticalExtent(path: SVGElement) {
  const d = path.getAttribute('d') ?? ''
  const ys = Array.from(d.matchAll(/[ML]\s*(-?[\d.]+)[ ,]+(-?[\d.]+)/g), (m) => Number(m[2]))
  return { top: Math.min(...ys), bottom: Math.max(...ys) }
}
