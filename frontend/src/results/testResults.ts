import type { RunTotals, TestRun } from './types'

/** The totals of a run as the trend API sends them: nightly-1234 of 20 Nov 2026 unless told. */
export function runTotals(overrides: Partial<RunTotals> = {}): RunTotals {
  return {
    runId: 12,
    name: 'nightly-1234',
    startedAt: '2026-11-20T02:00:00Z',
    passed: 1180,
    failed: 3,
    errors: 1,
    skipped: 16,
    flaky: 2,
    ...overrides,
  }
}

/** One run of a test as the history API sends it: passed in 0.412 s on build-3 unless told. */
export function testRun(overrides: Partial<TestRun> = {}): TestRun {
  return {
    runId: 12,
    runName: 'nightly-1234',
    startedAt: '2026-11-20T02:00:00Z',
    host: 'build-3',
    outcome: 'PASSED',
    seconds: 0.412,
    flaky: false,
    message: null,
    ...overrides,
  }
}

/** Nightly runs 1..n, one a day from 1 Nov 2026 at 02:00 UTC. */
export function nightlyRuns(n: number, totals: (i: number) => Partial<RunTotals> = () => ({})): RunTotals[] {
  return Array.from({ length: n }, (_, i) =>
    runTotals({
      runId: i + 1,
      name: `nightly-${i + 1}`,
      startedAt: new Date(Date.UTC(2026, 10, 1 + i, 2)).toISOString(),
      ...totals(i),
    }),
  )
}
