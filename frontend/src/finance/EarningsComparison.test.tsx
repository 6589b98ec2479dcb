import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { dataElements, jsonResponse, mockFetch, pendingFetch, problemResponse } from '../common/testing'
import { EarningsComparison } from './EarningsComparison'
import type { CompanyEarnings, EarningsComparison as Comparison } from './types'

const company = (id: number, name: string, q: (number | null)[]): CompanyEarnings => ({
  id,
  name,
  businessType: 'Multinational Conglomerate',
  q1: q[0],
  q2: q[1],
  q3: q[2],
  q4: q[3],
  total: q.reduce<number>((sum, v) => sum + (v ?? 0), 0),
})

const earnings = (year: number, companies: CompanyEarnings[]): Comparison => ({
  year,
  years: [2023, 2024],
  companies,
})

const byYear: Record<string, Comparison> = {
  2024: earnings(2024, [
    company(1, 'WayneCorp', [1e9, 2e9, 3e9, 4e9]),
    company(2, 'Stark Industries', [5e9, 5e9, 5e9, null]),
  ]),
  2023: earnings(2023, [company(2, 'Stark Industries', [1e9, null, null, null])]),
}

const respond = (url: string) => jsonResponse(byYear[new URL(url, 'http://x').searchParams.get('year') ?? '2024'])

const segmentLabels = (chart: HTMLElement) => dataElements(chart).map((bar) => bar.getAttribute('aria-label')).sort()

describe('EarningsComparison', () => {
  it('shows a loading state while the request is pending', () => {
    const fetch = pendingFetch()
    render(<EarningsComparison name="Wayne" businessType="" />)
    expect(screen.getByRole('status').textContent).toContain('Loading…')
    expect(fetch.mock.calls[0][0]).toBe('/api/v1/earnings?name=Wayne')
  })

  it('shows the problem detail of an error response', async () => {
    mockFetch(() => problemResponse(404, 'No earnings for 1999.'))
    render(<EarningsComparison />)
    expect((await screen.findByRole('alert')).textContent).toBe('No earnings for 1999.')
  })

  it('asks to sign in again on 401', async () => {
    mockFetch(() => new Response(null, { status: 401 }))
    render(<EarningsComparison />)
    expect((await screen.findByRole('alert')).textContent).toBe('Your session has expired. Sign in again.')
    expect(screen.getByRole('link').getAttribute('href')).toBe('/login')
  })

  it('stacks the quarters of each company, biggest total first, with a legend', async () => {
    mockFetch(respond)
    render(<EarningsComparison />)
    const chart = await screen.findByTestId('earnings-comparison-chart')

    expect(screen.getByRole('heading').textContent).toBe('Earnings by company, 2024')
    expect(segmentLabels(chart)).toEqual([
      'Stark Industries, Q1: $5,000,000,000.00',
      'Stark Industries, Q2: $5,000,000,000.00',
      'Stark Industries, Q3: $5,000,000,000.00',
      'WayneCorp, Q1: $1,000,000,000.00',
      'WayneCorp, Q2: $2,000,000,000.00',
      'WayneCorp, Q3: $3,000,000,000.00',
      'WayneCorp, Q4: $4,000,000,000.00',
    ])
    const texts = Array.from(chart.querySelectorAll('text'), (t) => t.textContent)
    expect(texts).toEqual(expect.arrayContaining(['Q1', 'Q2', 'Q3', 'Q4', '$0 M', '$10,000 M']))
    // the category axis lists Stark (15 bn) above WayneCorp (10 bn): SVG y grows downwards
    const y = (name: string) => Number(Array.from(chart.querySelectorAll('text')).find((t) => t.textContent === name)?.getAttribute('y'))
    expect(y('Stark Industries')).toBeLessThan(y('WayneCorp'))
  })

  it('refetches with ?year= when another year is selected', async () => {
    const fetch = mockFetch(respond)
    render(<EarningsComparison name="" businessType="Multinational Conglomerate" />)
    await screen.findByTestId('earnings-comparison-chart')
    expect(fetch.mock.calls[0][0]).toBe('/api/v1/earnings?businessType=Multinational+Conglomerate')

    fireEvent.change(screen.getByRole('combobox', { name: 'Year' }), { target: { value: '2023' } })

    await waitFor(() => expect(screen.getByRole('heading').textContent).toBe('Earnings by company, 2023'))
    expect(fetch).toHaveBeenCalledTimes(2)
    expect(fetch.mock.calls[1][0]).toBe('/api/v1/earnings?year=2023&businessType=Multinational+Conglomerate')
    expect(segmentLabels(screen.getByTestId('earnings-comparison-chart'))).toEqual([
      'Stark Industries, Q1: $1,000,000,000.00',
    ])
    expect((screen.getByRole('combobox', { name: 'Year' }) as HTMLSelectElement).value).toBe('2023')
  })

  it('opens the company when a bar is clicked', async () => {
    const assign = vi.fn()
    vi.stubGlobal('location', { ...window.location, assign })
    mockFetch(respond)
    render(<EarningsComparison />)
    const chart = await screen.findByTestId('earnings-comparison-chart')

    const bar = dataElements(chart).find((b) => b.getAttribute('aria-label')?.startsWith('WayneCorp, Q2'))
    fireEvent.click(bar!)
    expect(assign).toHaveBeenCalledWith('/companies/1')
  })

  it('says so when there is no finance data at all', async () => {
    mockFetch(() => jsonResponse({ year: null, years: [], companies: [] }))
    render(<EarningsComparison />)
    expect(await screen.findByText('No finance data yet.')).toBeTruthy()
    expect(screen.queryByTestId('earnings-comparison-chart')).toBeNull()
  })
})
