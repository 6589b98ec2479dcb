/** GET /api/v1/results/trend?owner=&site=&limit= (array, oldest run first). */
export interface RunTotals {
  runId: number
  name: string
  /** ISO-8601 instant. */
  startedAt: string
  /** Includes the flaky ones. */
  passed: number
  failed: number
  errors: number
  skipped: number
  /** Passed after a rerun (Surefire's "flaky"); counted in `passed` too. */
  flaky: number
}

export type Outcome = 'PASSED' | 'FAILED' | 'ERROR' | 'SKIPPED'

/** One run of a test case. */
export interface TestRun {
  runId: number
  runName: string
  /** ISO-8601 instant. */
  startedAt: string
  host: string | null
  outcome: Outcome
  seconds: number
  /** Passed after failing first; only ever true with PASSED. */
  flaky: boolean
  /** The failure's, error's or skip's message. */
  message: string | null
}

/** GET /api/v1/results/tests/{key}/history (runs oldest first). */
export interface TestHistory {
  /** A signed 64-bit integer, as a string: too big for a JS number. */
  key: string
  className: string
  name: string
  runs: TestRun[]
}

/** The page of a run, where the chart's bars and points lead. */
export function runUrl(runId: number): string {
  return `/results/runs/${encodeURIComponent(runId)}`
}
