import type { OutcomeKind } from './colors'
import { excerpt, formatCount, formatDay, formatSeconds, median } from './format'
import type { TestRun } from './types'

/** One run of the test on the duration chart. */
export interface HistoryPoint {
  /** 1 = the oldest run shown. */
  x: number
  /** Seconds. */
  y: number
  run: TestRun
  kind: OutcomeKind
}

/** Passed, flaky (passed on a rerun), failed (failure or error) or skipped; an outcome added later counts as skipped. */
export function outcomeKind(run: TestRun): OutcomeKind {
  switch (run.outcome) {
    case 'PASSED':
      return run.flaky ? 'flaky' : 'passed'
    case 'FAILED':
    case 'ERROR':
      return 'failed'
    default:
      return 'skipped'
  }
}

const seconds = (value: number) => (Number.isFinite(value) && value > 0 ? value : 0)

/** The runs as chart points, in the order the API sends them (oldest first). */
export function toHistoryPoints(runs: TestRun[]): HistoryPoint[] {
  return runs.map((run, i) => ({ x: i + 1, y: seconds(run.seconds), run, kind: outcomeKind(run) }))
}

/** How many characters of a failure message a label shows. */
export const MESSAGE_CHARS = 120

function outcomeText(run: TestRun): string {
  const time = formatSeconds(seconds(run.seconds))
  switch (run.outcome) {
    case 'PASSED':
      return run.flaky ? `passed in ${time} (flaky)` : `passed in ${time}`
    case 'FAILED':
      return `failed in ${time}`
    case 'ERROR':
      return `error after ${time}`
    case 'SKIPPED':
      return 'skipped'
    default:
      return String(run.outcome).toLowerCase()
  }
}

/** "nightly-1234 · 20 Nov 2026 · build-3: failed in 0.41 s — <the message's first 120 characters>". */
export function runLabel(run: TestRun): string {
  const where = [run.runName, formatDay(run.startedAt), run.host].filter(Boolean).join(' · ')
  const message = run.message?.trim() ? ` — ${excerpt(run.message, MESSAGE_CHARS)}` : ''
  return `${where}: ${outcomeText(run)}${message}`
}

/** "12 runs: 10 passed, 1 failed, 1 flaky · median 0.40 s"; outcomes that did not occur are left out, skipped runs have no duration. */
export function historySummary(runs: TestRun[]): string {
  const kinds = runs.map(outcomeKind)
  const tally = (kind: OutcomeKind) => kinds.filter((k) => k === kind).length
  const parts = (['passed', 'failed', 'flaky', 'skipped'] as const)
    .map((kind) => [tally(kind), kind] as const)
    .filter(([n]) => n > 0)
    .map(([n, kind]) => `${formatCount(n)} ${kind}`)
  const middle = median(runs.filter((run) => run.outcome !== 'SKIPPED').map((run) => seconds(run.seconds)))
  const head = `${formatCount(runs.length)} ${runs.length === 1 ? 'run' : 'runs'}: ${parts.join(', ')}`
  return middle === undefined ? head : `${head} · median ${formatSeconds(middle)}`
}

/** The history API of a test; the key stays a string (a signed 64-bit integer does not fit a JS number). */
export function historyUrl(testKey: string): string {
  return `/api/v1/results/tests/${encodeURIComponent(testKey)}/history`
}
