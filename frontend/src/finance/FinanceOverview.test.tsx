import { render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { dataElements, jsonResponse, mockFetch, pendingFetch, problemResponse } from '../common/testing'
import { FinanceOverview } from './FinanceOverview'

describe('FinanceOverview', () => {
  it('shows a loading state while the request is pending', () => {
    const fetch = pendingFetch()
    render(<FinanceOverview />)
    expect(screen.getByRole('status').textContent).toContain('Loading…')
    expect(fetch.mock.calls[0][0]).toBe('/api/v1/earnings/totals')
  })

  it('shows the problem detail of an error response', async () => {
    mockFetch(() => problemResponse(404, 'No such resource.'))
    render(<FinanceOverview />)
    expect((await screen.findByRole('alert')).textContent).toBe('No such resource.')
  })

  it('asks to sign in again on 401', async () => {
    mockFetch(() => new Response(null, { status: 401 }))
    render(<FinanceOverview />)
    expect((await screen.findByRole('alert')).textContent).toBe('Your session has expired. Sign in again.')
  })

  it('says the server is unreachable on a network failure', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))))
    render(<FinanceOverview />)
    expect((await screen.findByRole('alert')).textContent).toBe('Could not reach the server.')
  })

  it('draws a compact area chart with a point per year', async () => {
    mockFetch(() =>
      jsonResponse([
        { year: 2020, total: 1.2e9, companies: 8 },
        { year: 2021, total: 2.5e9, companies: 1 },
        { year: 2022, total: 3e9, companies: 9 },
      ]),
    )
    render(<FinanceOverview />)
    const chart = await screen.findByTestId('finance-overview-chart')

    expect(chart.querySelector('svg')?.getAttribute('viewBox')).toBe('0 0 600 180')
    expect(dataElements(chart).map((point) => point.getAttribute('aria-label'))).toEqual([
      '2020: $1,200,000,000.00 (8 companies)',
      '2021: $2,500,000,000.00 (1 company)',
      '2022: $3,000,000,000.00 (9 companies)',
    ])
    // the area itself: one filled path
    const area = Array.from(chart.querySelectorAll('path')).filter((p) => p.style.fill === 'rgba(13, 110, 253, 0.15)')
    expect(area).toHaveLength(1)
  })

  it('says so when there is no data', async () => {
    mockFetch(() => jsonResponse([]))
    render(<FinanceOverview />)
    expect(await screen.findByText('No finance data yet.')).toBeTruthy()
  })
})
