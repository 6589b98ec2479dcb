import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { dataElements, jsonResponse, mockFetch, pendingFetch, problemResponse } from '../common/testing'
import { EarningsTrend } from './EarningsTrend'
import type { YearFinances } from './types'

const finances: YearFinances[] = [
  { year: 2021, q1: 1e9, q2: 1e9, q3: 1e9, q4: 1e9, total: 4e9 },
  { year: 2022, q1: null, q2: null, q3: null, q4: null, total: null },
  { year: 2023, q1: 1.5e9, q2: 1.5e9, q3: 1.5e9, q4: null, total: 4.5e9 },
  { year: 2024, q1: 2e9, q2: 2.5e9, q3: 1e9, q4: 2.325e9, total: 7.825e9 },
]

describe('EarningsTrend', () => {
  it('shows a loading state while the request is pending', () => {
    const fetch = pendingFetch()
    render(<EarningsTrend companyId="5" />)
    expect(screen.getByRole('status').textContent).toContain('Loading…')
    expect(fetch.mock.calls[0][0]).toBe('/api/v1/companies/5/finances')
  })

  it('shows the problem detail of an error response', async () => {
    mockFetch(() => problemResponse(404, 'Company 5 not found.'))
    render(<EarningsTrend companyId="5" />)
    expect((await screen.findByRole('alert')).textContent).toBe('Company 5 not found.')
  })

  it('asks to sign in again on 401', async () => {
    mockFetch(() => new Response(null, { status: 401 }))
    render(<EarningsTrend companyId="5" />)
    expect((await screen.findByRole('alert')).textContent).toContain('Your session has expired')
  })

  it('draws a point per year with a total, on whole-year ticks', async () => {
    mockFetch(() => jsonResponse(finances))
    render(<EarningsTrend companyId="5" />)
    const chart = await screen.findByTestId('earnings-trend-chart')

    expect(chart.querySelector('svg')).not.toBeNull()
    expect(dataElements(chart).map((point) => point.getAttribute('aria-label'))).toEqual([
      '2021: $4,000,000,000.00',
      '2023: $4,500,000,000.00',
      '2024: $7,825,000,000.00',
    ])
    const texts = Array.from(chart.querySelectorAll('text'), (t) => t.textContent)
    expect(texts).toEqual(expect.arrayContaining(['2021', '2022', '2023', '2024', '$0 M', '$2,000 M']))
    expect(texts.filter((t) => /^\d+\.\d+$/.test(t ?? ''))).toEqual([]) // no fractional years
  })

  it('says so when there is no data', async () => {
    mockFetch(() => jsonResponse([]))
    render(<EarningsTrend companyId="5" />)
    expect(await screen.findByText('No finance data yet.')).toBeTruthy()
    expect(screen.queryByTestId('earnings-trend-chart')).toBeNull()
  })
})
