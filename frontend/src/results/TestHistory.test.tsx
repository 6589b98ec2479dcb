import { fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { dataElements, jsonResponse, mockFetch, pendingFetch, problemResponse } from '../common/testing'
import { TestHistory } from './TestHistory'
import { testRun } from './testResults'
import type { TestHistory as History, TestRun } from './types'

const history = (runs: TestRun[]): History => ({ key: '-81234567890123', className: 'com.acme.CartTest', name: 'addsItem', runs })

const failure = 'java.lang.AssertionError: expected:<3> but was:<4>'
const runs = [
  testRun({ runId: 10, runName: 'nightly-1232', startedAt: '2026-11-18T02:00:00Z', seconds: 0.398 }),
  testRun({ runId: 11, runName: 'nightly-1233', startedAt: '2026-11-19T02:00:00Z', seconds: 0.412, outcome: 'FAILED', message: failure }),
  testRun({ runId: 12, runName: 'nightly-1234', startedAt: '2026-11-20T02:00:00Z', seconds: 0.405, flaky: true, host: 'build-1' }),
  testRun({ runId: 13, runName: 'nightly-1235', startedAt: '2026-11-21T02:00:00Z', seconds: 0, outcome: 'SKIPPED', message: 'Cart service down' }),
]

const labels = (chart: HTMLElement) => dataElements(chart).map((point) => point.getAttribute('aria-label'))
const texts = (chart: HTMLElement) => Array.from(chart.querySelectorAll('text'), (t) => t.textContent)
const point = (chart: HTMLElement, name: string) => {
  const found = dataElements(chart).find((p) => p.getAttribute('aria-label')?.startsWith(`${name} ·`))
  if (!found) throw new Error(`no point for ${name}`)
  return found
}
const strip = () => screen.getByRole('list', { name: /^Outcomes? of/ })

describe('TestHistory', () => {
  it('shows a loading state while the request is pending, asking for the key exactly as given', () => {
    const fetch = pendingFetch()
    // beyond Number.MAX_SAFE_INTEGER: as a JS number it would become -9223372036854776000
    render(<TestHistory testKey="-9223372036854775807" />)
    expect(screen.getByRole('status').textContent).toContain('Loading…')
    expect(fetch.mock.calls[0][0]).toBe('/api/v1/results/tests/-9223372036854775807/history')
  })

  it('shows the problem detail of an error response', async () => {
    mockFetch(() => problemResponse(404, 'No test with key -81234567890123.'))
    render(<TestHistory testKey="-81234567890123" />)
    expect((await screen.findByRole('alert')).textContent).toBe('No test with key -81234567890123.')
  })

  it('asks to sign in again on 401', async () => {
    mockFetch(() => new Response(null, { status: 401 }))
    render(<TestHistory testKey="1" />)
    expect((await screen.findByRole('alert')).textContent).toBe('Your session has expired. Sign in again.')
  })

  it('says so when the test has not run yet', async () => {
    mockFetch(() => jsonResponse(history([])))
    render(<TestHistory testKey="1" />)
    expect((await screen.findByText('This test has no recorded runs yet.')).className).toContain('text-body-secondary')
    expect(screen.queryByTestId('test-history-chart')).toBeNull()
    expect(screen.queryByRole('list')).toBeNull()
  })

  it('draws the duration of each run, oldest first, coloured by outcome', async () => {
    mockFetch(() => jsonResponse(history(runs)))
    render(<TestHistory testKey="-81234567890123" />)
    const chart = await screen.findByTestId('test-history-chart')

    expect(screen.getByRole('heading').textContent).toBe('Duration per run')
    expect(labels(chart)).toEqual([
      'nightly-1232 · 18 Nov 2026 · build-3: passed in 0.40 s',
      `nightly-1233 · 19 Nov 2026 · build-3: failed in 0.41 s — ${failure}`,
      'nightly-1234 · 20 Nov 2026 · build-1: passed in 0.41 s (flaky)',
      'nightly-1235 · 21 Nov 2026 · build-3: skipped — Cart service down',
    ])
    expect(dataElements(chart).map((p) => p.style.fill)).toEqual([
      'rgb(25, 135, 84)', // green
      'rgb(220, 53, 69)', // red
      'rgb(255, 193, 7)', // amber
      'rgb(173, 181, 189)', // grey
    ])
    // under a second: the axis is in milliseconds
    expect(texts(chart)).toEqual(expect.arrayContaining(['18 Nov', '21 Nov', '0 ms', '100 ms', '400 ms']))
    expect(texts(chart).filter((t) => t?.endsWith(' s'))).toEqual([])
    expect(Array.from(chart.querySelectorAll('.small > span'), (s) => s.textContent)).toEqual([
      'Passed',
      'Passed on a rerun (flaky)',
      'Failed or error',
      'Skipped',
    ])
  })

  it('joins the runs that ran with a line, leaving out skipped ones', async () => {
    mockFetch(() => jsonResponse(history(runs)))
    render(<TestHistory testKey="1" />)
    const chart = await screen.findByTestId('test-history-chart')
    const line = Array.from(chart.querySelectorAll('path:not([aria-label])')).filter((p) => (p as SVGElement).style.stroke === 'rgb(173, 181, 189)')
    expect(line).toHaveLength(1)
    // three points: a move and two lines
    expect(line[0].getAttribute('d')?.match(/[ML]/g)).toEqual(['M', 'L', 'L'])
  })

  it('shows a row of outcome pills, newest last, each linking to its run', async () => {
    mockFetch(() => jsonResponse(history(runs)))
    render(<TestHistory testKey="1" />)
    await screen.findByTestId('test-history-chart')

    expect(strip().getAttribute('aria-label')).toBe('Outcomes of 4 runs, newest last')
    const pills = within(strip()).getAllByRole('link')
    expect(pills.map((pill) => [pill.getAttribute('href'), pill.style.background])).toEqual([
      ['/results/runs/10', 'rgb(25, 135, 84)'],
      ['/results/runs/11', 'rgb(220, 53, 69)'],
      ['/results/runs/12', 'rgb(255, 193, 7)'],
      ['/results/runs/13', 'rgb(173, 181, 189)'],
    ])
    expect(pills[1].getAttribute('aria-label')).toBe(`nightly-1233 · 19 Nov 2026 · build-3: failed in 0.41 s — ${failure}`)
    expect(pills[1].title).toBe(pills[1].getAttribute('aria-label'))
    expect(within(strip()).getByRole('link', { name: /^nightly-1235/ }).getAttribute('href')).toBe('/results/runs/13')
  })

  it('sums up the outcomes and the median duration', async () => {
    mockFetch(() => jsonResponse(history(runs)))
    render(<TestHistory testKey="1" />)
    await screen.findByTestId('test-history-chart')
    // median of 0.398, 0.405 and 0.412 (the skipped run has no duration)
    expect(screen.getByText(/ runs?: /).textContent).toBe('4 runs: 1 passed, 1 failed, 1 flaky, 1 skipped · median 0.41 s')
  })

  it('shows the outcome, duration and start of the message in a tooltip', async () => {
    const message = `java.lang.AssertionError: the cart should hold the item ${'after a retry '.repeat(12)}`
    mockFetch(() => jsonResponse(history([testRun({ outcome: 'ERROR', seconds: 12.3, message })])))
    render(<TestHistory testKey="1" />)
    const chart = await screen.findByTestId('test-history-chart')
    const shown = message.slice(0, 120).trimEnd()
    expect(labels(chart)).toEqual([`nightly-1234 · 20 Nov 2026 · build-3: error after 12.3 s — ${shown}…`])
    expect(texts(chart).some((t) => t?.startsWith('nightly-1234'))).toBe(false)

    fireEvent.mouseOver(point(chart, 'nightly-1234'))

    const tooltip = Array.from(chart.querySelectorAll('text')).find((t) => t.textContent?.startsWith('nightly-1234'))
    const lines = Array.from(tooltip?.querySelectorAll('tspan') ?? [], (line) => line.textContent ?? '')
    expect(lines.length).toBeGreaterThan(2)
    expect(lines[0]).toMatch(/^nightly-1234 · 20 Nov 2026 · build-3: error after 12.3 s —/)
    expect(lines.join(' ')).toBe(`nightly-1234 · 20 Nov 2026 · build-3: error after 12.3 s — ${shown}…`)
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual((640 - 32) / 7)
  })

  it('opens the run when a point is clicked', async () => {
    const assign = vi.fn()
    vi.stubGlobal('location', { ...window.location, assign })
    mockFetch(() => jsonResponse(history(runs)))
    render(<TestHistory testKey="1" />)
    const chart = await screen.findByTestId('test-history-chart')

    fireEvent.click(point(chart, 'nightly-1233'))

    expect(assign).toHaveBeenCalledWith('/results/runs/11')
  })

  it('uses seconds on the axis once a run takes a second or more', async () => {
    mockFetch(() => jsonResponse(history([testRun({ seconds: 0.5 }), testRun({ seconds: 2.25 })])))
    render(<TestHistory testKey="1" />)
    const chart = await screen.findByTestId('test-history-chart')
    expect(texts(chart)).toEqual(expect.arrayContaining(['0 s', '0.5 s', '2 s']))
    expect(texts(chart).filter((t) => t?.endsWith(' ms'))).toEqual([])
  })

  it('still draws an axis when every run took no time', async () => {
    mockFetch(() => jsonResponse(history([testRun({ outcome: 'SKIPPED', seconds: 0 })])))
    render(<TestHistory testKey="1" />)
    const chart = await screen.findByTestId('test-history-chart')
    expect(labels(chart)).toEqual(['nightly-1234 · 20 Nov 2026 · build-3: skipped'])
    expect(texts(chart)).toEqual(expect.arrayContaining(['0 ms', '1 ms']))
    expect(strip().getAttribute('aria-label')).toBe('Outcome of 1 run')
    expect(screen.getByText(/ run: /).textContent).toBe('1 run: 1 skipped')
  })

  it('thins the date ticks of many runs', async () => {
    const many = Array.from({ length: 400 }, (_, i) =>
      testRun({ runId: i + 1, runName: `ci-${i + 1}`, startedAt: new Date(Date.UTC(2026, 0, 1) + i * 18 * 3600_000).toISOString() }),
    )
    mockFetch(() => jsonResponse(history(many)))
    render(<TestHistory testKey="1" />)
    const chart = await screen.findByTestId('test-history-chart')

    expect(dataElements(chart)).toHaveLength(400)
    expect(within(strip()).getAllByRole('link')).toHaveLength(400)
    const dates = texts(chart).filter((t) => /^\d+ [A-Z][a-z]{2}$/.test(t ?? ''))
    expect(dates.length).toBeGreaterThan(3)
    expect(dates.length).toBeLessThanOrEqual(10)
    expect(dates.at(-1)).toBe('27 Oct') // the newest run: 1 Jan + 399 × 18 h = 299.25 days
    expect(screen.getByText(/ runs: /).textContent).toBe('400 runs: 400 passed · median 0.41 s')
  })
})
