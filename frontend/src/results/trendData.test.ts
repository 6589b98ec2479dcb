import { describe, expect, it } from 'vitest'
import { nightlyRuns, runTotals } from './testResults'
import { countTicks, passRate, runLabel, toRunBars, trendSummary, trendUrl } from './trendData'

describe('toRunBars', () => {
  it('stacks each run as passed, failed with errors, and skipped, in the order given', () => {
    const runs = [runTotals({ runId: 7 }), runTotals({ runId: 8, passed: 10, failed: 0, errors: 0, skipped: 0, flaky: 0 })]
    const bars = toRunBars(runs)
    expect(bars.map(({ x, passed, failing, skipped, total }) => ({ x, passed, failing, skipped, total }))).toEqual([
      { x: 1, passed: 1180, failing: 4, skipped: 16, total: 1200 },
      { x: 2, passed: 10, failing: 0, skipped: 0, total: 10 },
    ])
    expect(bars[0].run).toBe(runs[0])
  })

  it('counts missing or negative numbers as none', () => {
    const [bar] = toRunBars([runTotals({ failed: Number.NaN, errors: -1, skipped: null as unknown as number })])
    expect([bar.failing, bar.skipped, bar.total]).toEqual([0, 0, 1180])
  })
})

describe('runLabel', () => {
  it('names the run, its day and its counts, failures and errors together', () => {
    expect(runLabel(toRunBars([runTotals()])[0])).toBe(
      'nightly-1234 · 20 Nov 2026: 1,180 passed, 4 failed, 16 skipped (2 flaky)',
    )
  })

  it('leaves out flaky when there were none, and groups big numbers', () => {
    const [bar] = toRunBars([runTotals({ passed: 1_234_567, failed: 12_000, errors: 345, skipped: 0, flaky: 0 })])
    expect(runLabel(bar)).toBe('nightly-1234 · 20 Nov 2026: 1,234,567 passed, 12,345 failed, 0 skipped')
  })
})

describe('countTicks', () => {
  it('uses whole, round steps from 0 past the maximum', () => {
    expect(countTicks(1200, 4)).toEqual([0, 500, 1000, 1500])
    expect(countTicks(1000, 4)).toEqual([0, 500, 1000])
    expect(countTicks(3, 4)).toEqual([0, 1, 2, 3])
    expect(countTicks(7, 4)).toEqual([0, 2, 4, 6, 8])
    expect(countTicks(1_234_567, 4)).toEqual([0, 500_000, 1_000_000, 1_500_000])
  })

  it('never has fractional ticks, and still has an axis when every run is empty', () => {
    expect(countTicks(1, 5)).toEqual([0, 1])
    expect(countTicks(0)).toEqual([0, 1])
  })
})

describe('passRate', () => {
  it('is passed out of the tests that ran; skipped ones do not count', () => {
    expect(passRate(toRunBars([runTotals()])[0])).toBeCloseTo(1180 / 1184)
    expect(passRate(toRunBars([runTotals({ passed: 0, failed: 0, errors: 0, skipped: 5 })])[0])).toBeUndefined()
  })
})

describe('trendSummary', () => {
  const rates = (...failed: number[]) => toRunBars(nightlyRuns(failed.length, (i) => ({ passed: 1000 - failed[i], failed: failed[i], errors: 0 })))

  it('compares the last run with the median of the runs shown', () => {
    expect(trendSummary(rates(0, 1, 2, 10))).toBe(
      // median of 100%, 99.9%, 99.8% and 99.0%: 99.85%, shown as 99.8%
      'Last run nightly-4: 99.0% passed (990 of 1,000), 0.8 points below the median of these 4 runs (99.8%).',
    )
    expect(trendSummary(rates(5, 9, 0))).toBe(
      'Last run nightly-3: 100% passed (1,000 of 1,000), 0.5 points above the median of these 3 runs (99.5%).',
    )
    expect(trendSummary(rates(20, 30, 10))).toBe(
      'Last run nightly-3: 99.0% passed (990 of 1,000), 1 point above the median of these 3 runs (98.0%).',
    )
  })

  it('says when the last run is at the median, as shown', () => {
    // 99.93% and 99.96%: both shown as 99.9%
    const bars = toRunBars(nightlyRuns(2, (i) => ({ passed: [9993, 9996][i], failed: [7, 4][i], errors: 0 })))
    expect(trendSummary(bars)).toBe(
      'Last run nightly-2: 99.9% passed (9,996 of 10,000), the same as the median of these 2 runs.',
    )
  })

  it('has no comparison for a single run', () => {
    expect(trendSummary(toRunBars([runTotals()]))).toBe('Last run nightly-1234: 99.6% passed (1,180 of 1,184).')
  })

  it('says when the last run ran no tests', () => {
    const empty = { passed: 0, failed: 0, errors: 0, skipped: 3 }
    expect(trendSummary(toRunBars([...nightlyRuns(2), runTotals({ name: 'nightly-9', ...empty })]))).toBe(
      'Last run nightly-9 ran no tests; the median pass rate of these 3 runs is 99.6%.',
    )
    expect(trendSummary(toRunBars([runTotals(empty)]))).toBe('Last run nightly-1234 ran no tests.')
    expect(trendSummary([])).toBe('')
  })
})

describe('trendUrl', () => {
  it("passes the page's query on", () => {
    expect(trendUrl('owner=acme&site=lab&limit=60')).toBe('/api/v1/results/trend?owner=acme&site=lab&limit=60')
    expect(trendUrl('?owner=acme')).toBe('/api/v1/results/trend?owner=acme')
    expect(trendUrl('')).toBe('/api/v1/results/trend')
    expect(trendUrl()).toBe('/api/v1/results/trend')
  })
})
