import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { dataElements, jsonResponse, mockFetch, pendingFetch, problemResponse } from '../common/testing'
import { QuarterlyEarnings } from './QuarterlyEarnings'
import type { YearFinances } from './types'

const finances: YearFinances[] = [
  { year: 2023, q1: 1.5e9, q2: 1.5e9, q3: 1.5e9, q4: null, total: 4.5e9 },
  { year: 2024, q1: 2e9, q2: 2.5e9, q3: 1e9, q4: 2.325e9, total: 7.825e9 },
]

/** The bars' aria-labels, sorted (VictoryStack draws the top layer first). */
const labels = (chart: HTMLElement) => dataElements(chart).map((bar) => bar.getAttribute('aria-label')).sort()

const bar = (chart: HTMLElement, label: string) => {
  const found = dataElements(chart).find((element) => element.getAttribute('aria-label') === label)
  if (!found) throw new Error(`no bar "${label}"`)
  return found
}

describe('QuarterlyEarnings', () => {
  it('shows a loading state while the request is pending', () => {
    const fetch = pendingFetch()
    render(<QuarterlyEarnings companyId="1" />)
    expect(screen.getByRole('status').textContent).toContain('Loading…')
    expect(fetch).toHaveBeenCalledWith('/api/v1/companies/1/finances', {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      signal: expect.any(AbortSignal),
    })
  })

  it('shows the problem detail of an error response', async () => {
    mockFetch(() => problemResponse(404, 'Company 99 not found.'))
    render(<QuarterlyEarnings companyId="99" />)
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toBe('Company 99 not found.')
    expect(alert.className).toContain('alert-danger')
  })

  it('asks to sign in again on 401', async () => {
    mockFetch(() => new Response(null, { status: 401 }))
    render(<QuarterlyEarnings companyId="1" />)
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toBe('Your session has expired. Sign in again.')
    expect(screen.getByRole('link', { name: 'Sign in again' }).getAttribute('href')).toBe('/login')
  })

  it('stacks each quarter on the year-to-date earnings of the latest year', async () => {
    mockFetch(() => jsonResponse(finances))
    render(<QuarterlyEarnings companyId="1" />)
    const chart = await screen.findByTestId('quarterly-earnings-chart')

    expect(screen.getByRole('heading').textContent).toBe('Quarterly earnings, 2024')
    expect(chart.querySelector('svg')).not.toBeNull()
    // 4 quarters + 3 year-to-date bars (Q1 has nothing before it)
    expect(labels(chart)).toEqual([
      'Q1 2024: $2,000,000,000.00',
      'Q2 2024: $2,500,000,000.00',
      'Q3 2024: $1,000,000,000.00',
      'Q4 2024: $2,325,000,000.00',
      'Year to date before Q2: $2,000,000,000.00',
      'Year to date before Q3: $4,500,000,000.00',
      'Year to date before Q4: $5,500,000,000.00',
    ])
    expect(bar(chart, 'Q1 2024: $2,000,000,000.00').style.fill).toBe('rgb(13, 110, 253)')
    expect(bar(chart, 'Year to date before Q2: $2,000,000,000.00').style.fill).toBe('rgb(206, 212, 218)')
    const texts = Array.from(chart.querySelectorAll('text')).map((t) => t.textContent)
    expect(texts).toEqual(expect.arrayContaining(['Q1', 'Q2', 'Q3', 'Q4', '$0 M', '$2,000 M', '$6,000 M']))
  })

  it('shows the exact amount in a tooltip on hover', async () => {
    mockFetch(() => jsonResponse(finances))
    render(<QuarterlyEarnings companyId="1" />)
    const chart = await screen.findByTestId('quarterly-earnings-chart')
    const tooltipTexts = () => Array.from(chart.querySelectorAll('text'), (t) => t.textContent).filter((t) => t?.includes('$2,500,000,000.00'))
    expect(tooltipTexts()).toEqual([])

    fireEvent.mouseOver(bar(chart, 'Q2 2024: $2,500,000,000.00'))

    expect(tooltipTexts()).toEqual(['Q2 2024: $2,500,000,000.00'])
  })

  it('draws each quarter on top of the year-to-date bar', async () => {
    mockFetch(() => jsonResponse(finances))
    render(<QuarterlyEarnings companyId="1" />)
    const chart = await screen.findByTestId('quarterly-earnings-chart')
    const q1 = bar(chart, 'Q1 2024: $2,000,000,000.00')
    const q2 = bar(chart, 'Q2 2024: $2,500,000,000.00')
    const ytdQ2 = bar(chart, 'Year to date before Q2: $2,000,000,000.00')
    // SVG y grows downwards: Q2 starts where the year-to-date bar ends, at the top of Q1.
    expect(verticalExtent(q2).bottom).toBeCloseTo(verticalExtent(ytdQ2).top, 3)
    expect(verticalExtent(ytdQ2).top).toBeCloseTo(verticalExtent(q1).top, 3)
    expect(verticalExtent(ytdQ2).bottom).toBeCloseTo(verticalExtent(q1).bottom, 3)
  })

  it('starts with the data-year and switches years with the selector', async () => {
    const fetch = mockFetch(() => jsonResponse(finances))
    render(<QuarterlyEarnings companyId="1" year={2023} />)
    const chart = await screen.findByTestId('quarterly-earnings-chart')
    expect(screen.getByRole('heading').textContent).toBe('Quarterly earnings, 2023')
    // Q4 2023 is not reported: no bar
    expect(labels(chart)).toEqual([
      'Q1 2023: $1,500,000,000.00',
      'Q2 2023: $1,500,000,000.00',
      'Q3 2023: $1,500,000,000.00',
      'Year to date before Q2: $1,500,000,000.00',
      'Year to date before Q3: $3,000,000,000.00',
    ])

    fireEvent.change(screen.getByRole('combobox', { name: 'Year' }), { target: { value: '2024' } })

    expect(screen.getByRole('heading').textContent).toBe('Quarterly earnings, 2024')
    expect(dataElements(screen.getByTestId('quarterly-earnings-chart'))).toHaveLength(7)
    expect(fetch).toHaveBeenCalledTimes(1) // one response holds every year
  })

  it('falls back to the latest year when data-year has no data', async () => {
    mockFetch(() => jsonResponse(finances))
    render(<QuarterlyEarnings companyId="1" year={1999} />)
    await screen.findByTestId('quarterly-earnings-chart')
    expect(screen.getByRole('heading').textContent).toBe('Quarterly earnings, 2024')
  })

  it('says so when there is no data', async () => {
    mockFetch(() => jsonResponse([]))
    render(<QuarterlyEarnings companyId="1" />)
    expect((await screen.findByText('No finance data yet.')).className).toContain('text-body-secondary')
    expect(screen.queryByTestId('quarterly-earnings-chart')).toBeNull()
  })
})

/** Top and bottom y of a bar path ("M x,y L x,y ..."), in SVG coordinates. */
function verticalExtent(path: SVGElement) {
  const d = path.getAttribute('d') ?? ''
  const ys = Array.from(d.matchAll(/[ML]\s*(-?[\d.]+)[ ,]+(-?[\d.]+)/g), (m) => Number(m[2]))
  return { top: Math.min(...ys), bottom: Math.max(...ys) }
}
