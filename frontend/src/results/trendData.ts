import { formatCount, formatDay, formatTenths, median, rateTenths } from './format'
import type { RunTotals } from './types'

/** One run's column: its stack segments and the run itself. */
export interface RunBar {
  /** 1 = the oldest run shown. */
  x: number
  run: RunTotals
  passed: number
  /** Failures and errors. */
  failing: number
  skipped: number
  total: number
}

const count = (value: number) => (Number.isFinite(value) && value > 0 ? value : 0)

/** The runs as stacked columns, in the order the API sends them (oldest first). */
export function toRunBars(runs: RunTotals[]): RunBar[] {
  return runs.map((run, i) => {
    const passed = count(run.passed)
    const failing = count(run.failed) + count(run.errors)
    const skipped = count(run.skipped)
    return { x: i + 1, run, passed, failing, skipped, total: passed + failing + skipped }
  })
}

/** "nightly-1234 · 20 Nov 2026: 1,180 passed, 4 failed, 16 skipped (2 flaky)"; failed counts errors too. */
export function runLabel(bar: RunBar): string {
  const flaky = count(bar.run.flaky)
  return (
    `${bar.run.name} · ${formatDay(bar.run.startedAt)}: ${formatCount(bar.passed)} passed, ` +
    `${formatCount(bar.failing)} failed, ${formatCount(bar.skipped)} skipped` +
    (flaky ? ` (${formatCount(flaky)} flaky)` : '')
  )
}

/** Whole-number ticks from 0 past `max`, 1, 2 or 5 × 10ⁿ apart, about `target` of them. */
export function countTicks(max: number, target = 5): number[] {
  if (!(max > 0)) return [0, 1]
  const raw = max / Math.max(1, target)
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const residual = raw / magnitude
  const step = Math.max(1, (residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10) * magnitude)
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, i) => i * step)
}

/** Passed out of the tests that ran (skipped ones left out); undefined when none ran. */
export function passRate(bar: RunBar): number | undefined {
  const ran = bar.passed + bar.failing
  return ran > 0 ? bar.passed / ran : undefined
}

/**
 * The last run's pass rate against the median of the runs shown, e.g.
 * "Last run nightly-1234: 99.6% passed (1,180 of 1,184), 0.3 points below the median of these 12 runs (99.9%)."
 * Rates are compared as shown (rounded down to a tenth), so the words agree with the numbers.
 */
export function trendSummary(bars: RunBar[]): string {
  const last = bars.at(-1)
  if (!last) return ''
  const lastRate = passRate(last)
  const rates = bars.map(passRate).filter((rate): rate is number => rate !== undefined)
  const middle = median(rates)
  const shown = `these ${formatCount(bars.length)} runs`

  if (lastRate === undefined) {
    return middle === undefined
      ? `Last run ${last.run.name} ran no tests.`
      : `Last run ${last.run.name} ran no tests; the median pass rate of ${shown} is ${formatTenths(rateTenths(middle))}.`
  }
  const head = `Last run ${last.run.name}: ${formatTenths(rateTenths(lastRate))} passed (${formatCount(last.passed)} of ${formatCount(last.passed + last.failing)})`
  if (rates.length < 2 || middle === undefined) return `${head}.`
  const medianTenths = rateTenths(middle)
  const delta = rateTenths(lastRate) - medianTenths
  if (delta === 0) return `${head}, the same as the median of ${shown}.`
  const points = Math.abs(delta) / 10
  return `${head}, ${points} ${points === 1 ? 'point' : 'points'} ${delta > 0 ? 'above' : 'below'} the median of ${shown} (${formatTenths(medianTenths)}).`
}

/** The trend API with the island's query (owner=acme&site=lab&limit=60), passed on as the page wrote it. */
export function trendUrl(query = ''): string {
  const trimmed = query.trim().replace(/^\?/, '')
  return trimmed ? `/api/v1/results/trend?${trimmed}` : '/api/v1/results/trend'
}
