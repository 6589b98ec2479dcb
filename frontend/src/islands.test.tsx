import { act } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'

// Stand-ins that show the props they get.
const stub = (name: string) => (props: object) => <output data-component={name}>{JSON.stringify(props)}</output>
vi.mock('./finance/QuarterlyEarnings', () => ({ QuarterlyEarnings: stub('QuarterlyEarnings') }))
vi.mock('./finance/EarningsTrend', () => ({ EarningsTrend: stub('EarningsTrend') }))
vi.mock('./finance/EarningsComparison', () => ({ EarningsComparison: stub('EarningsComparison') }))
vi.mock('./finance/FinanceOverview', () => ({ FinanceOverview: stub('FinanceOverview') }))
vi.mock('./jobs/JobProgress', () => ({ JobProgress: stub('JobProgress') }))
vi.mock('./jobs/JobMonitor', () => ({ JobMonitor: stub('JobMonitor') }))
vi.mock('./results/ResultsTrend', () => ({ ResultsTrend: stub('ResultsTrend') }))
vi.mock('./results/TestHistory', () => ({ TestHistory: stub('TestHistory') }))

const fallback = '<table class="table"><tr><td>2024</td><td>$7,825 M</td></tr></table>'

const mounted = (island: string) => {
  const output = document.querySelector(`[data-island="${island}"] > output`)
  return output && { component: output.getAttribute('data-component'), props: JSON.parse(output.textContent ?? '') }
}

describe('islands', () => {
  beforeEach(() => {
    vi.resetModules()
  })

  it('mounts the matching component on every placeholder when loaded, passing data attributes as props', async () => {
    document.body.innerHTML = `
      <div data-island="quarterly-earnings" data-company-id="7" data-year="2023">${fallback}</div>
      <p>server-rendered text</p>
      <div data-island="earnings-comparison" data-name="Wayne" data-business-type="">${fallback}</div>`

    await act(() => import('./islands'))

    expect(mounted('quarterly-earnings')).toEqual({
      component: 'QuarterlyEarnings',
      props: { companyId: '7', year: 2023 },
    })
    expect(mounted('earnings-comparison')).toEqual({
      component: 'EarningsComparison',
      props: { name: 'Wayne', businessType: '' },
    })
    expect(document.querySelector('table')).toBeNull() // the no-JS fallback is replaced
    expect(document.querySelector('p')?.textContent).toBe('server-rendered text')
  })

  it('mounts the trend and overview islands, ignoring a non-numeric year', async () => {
    document.body.innerHTML = `
      <div data-island="earnings-trend" data-company-id="3"></div>
      <div data-island="finance-overview"></div>
      <div data-island="quarterly-earnings" data-company-id="3" data-year=""></div>`

    await act(() => import('./islands'))

    expect(mounted('earnings-trend')).toEqual({ component: 'EarningsTrend', props: { companyId: '3' } })
    expect(mounted('finance-overview')).toEqual({ component: 'FinanceOverview', props: {} })
    expect(mounted('quarterly-earnings')?.props).toEqual({ companyId: '3' })
  })

  it('mounts the job islands, leaving out a missing limit', async () => {
    document.body.innerHTML = `
      <div data-island="job-progress" data-job-id="0193a5c2-7d1e"></div>
      <div data-island="job-monitor" data-limit="5"></div>
      <div id="default" data-island="job-monitor"></div>`

    await act(() => import('./islands'))

    expect(mounted('job-progress')).toEqual({ component: 'JobProgress', props: { jobId: '0193a5c2-7d1e' } })
    expect(mounted('job-monitor')).toEqual({ component: 'JobMonitor', props: { limit: 5 } })
    expect(JSON.parse(document.querySelector('#default > output')?.textContent ?? '')).toEqual({})
  })

  it('mounts the results islands, keeping a 64-bit test key as the exact string', async () => {
    document.body.innerHTML = `
      <div data-island="results-trend" data-query="owner=acme&amp;site=lab&amp;limit=60"></div>
      <div id="unfiltered" data-island="results-trend"></div>
      <div data-island="test-history" data-test-key="-9223372036854775808"></div>`

    await act(() => import('./islands'))

    expect(mounted('results-trend')).toEqual({ component: 'ResultsTrend', props: { query: 'owner=acme&site=lab&limit=60' } })
    expect(JSON.parse(document.querySelector('#unfiltered > output')?.textContent ?? '')).toEqual({})
    // Number('-9223372036854775808') would round to -9223372036854776000
    expect(mounted('test-history')).toEqual({ component: 'TestHistory', props: { testKey: '-9223372036854775808' } })
  })

  it('mounts each placeholder once and skips unknown islands', async () => {
    document.body.innerHTML = `<div data-island="finance-overview"></div>`
    const { mountIslands } = await act(() => import('./islands'))
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    document.body.insertAdjacentHTML('beforeend', `
      <div data-island="earnings-trend" data-company-id="1"></div>
      <div data-island="no-such-island">fallback</div>`)

    const roots = await act(() => mountIslands())

    expect(roots).toHaveLength(1) // only the new earnings-trend placeholder
    expect(mounted('earnings-trend')?.component).toBe('EarningsTrend')
    expect(document.querySelector('[data-island="no-such-island"]')?.textContent).toBe('fallback')
    expect(warn).toHaveBeenCalledWith('Unknown island "no-such-island"', expect.any(HTMLElement))
  })

  it('waits for DOMContentLoaded while the document is loading', async () => {
    document.body.innerHTML = `<div data-island="finance-overview"></div>`
    const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading')

    await act(() => import('./islands'))
    expect(mounted('finance-overview')).toBeNull()

    readyState.mockReturnValue('interactive')
    await act(() => document.dispatchEvent(new Event('DOMContentLoaded')))
    expect(mounted('finance-overview')?.component).toBe('FinanceOverview')
  })
})
