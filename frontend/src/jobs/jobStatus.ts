import type { FetchError } from '../common/fetchJson'
import type { JobList, JobState, JobView } from './types'

const BADGE_CLASSES: Record<JobState, string> = {
  AWAITING: 'text-bg-secondary',
  SCHEDULED: 'text-bg-secondary',
  ENQUEUED: 'text-bg-secondary',
  PROCESSING: 'text-bg-primary',
  SUCCEEDED: 'text-bg-success',
  FAILED: 'text-bg-danger',
  DELETED: 'text-bg-dark',
}

/** Bootstrap colour classes of the state badge, e.g. "text-bg-success". */
export function stateBadgeClass(state: JobState): string {
  return BADGE_CLASSES[state] ?? 'text-bg-secondary' // a state added on the server later
}

/** "PROCESSING" → "Processing". */
export function stateLabel(state: JobState): string {
  return state.charAt(0) + state.slice(1).toLowerCase()
}

export interface ProgressBarModel {
  /** 0–100; undefined for an indeterminate bar (processing, but the job reports no progress). */
  percent?: number
  /** Classes of the inner `.progress-bar`. */
  className: string
  /** Read by screen readers instead of the bare percentage, e.g. "42 of 100". */
  valueText?: string
}

/** How to draw a job's progress bar: moving while it runs, full and green once it succeeded, red when it failed. */
export function progressBar(job: JobView): ProgressBarModel {
  const reported = job.progress ? clampPercent(job.progress.percent) : undefined
  const valueText = job.progress ? `${formatCount(job.progress.done)} of ${formatCount(job.progress.total)}` : undefined
  switch (job.state) {
    case 'PROCESSING':
      return { percent: reported, className: 'progress-bar-striped progress-bar-animated', valueText }
    case 'SUCCEEDED':
      return { percent: 100, className: 'bg-success', valueText }
    case 'FAILED':
      // How far it got, or a full red bar when it reported nothing.
      return { percent: reported ?? 100, className: 'bg-danger', valueText }
    case 'DELETED':
      return { percent: reported ?? 0, className: 'bg-dark', valueText }
    default:
      // Waiting for a (first or next) attempt: progress of an earlier attempt, if any, greyed out.
      return { percent: reported ?? 0, className: 'bg-secondary', valueText }
  }
}

function clampPercent(percent: number): number {
  return Number.isFinite(percent) ? Math.min(100, Math.max(0, Math.round(percent))) : 0
}

const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

/** 12345 → "12,345". */
export function formatCount(value: number): string {
  return counts.format(value)
}

const JOB_POLL_MS = 1_000
const MONITOR_BUSY_POLL_MS = 2_000
const MONITOR_IDLE_POLL_MS = 10_000

/** Milliseconds until the next look at a job: every second until it is finished, then never. */
export function jobPollDelay(job?: JobView): number | null {
  return job?.finished ? null : JOB_POLL_MS
}

/** Fast while a listed job is unfinished; slowly otherwise, so that newly started jobs still appear. */
export function monitorPollDelay(list?: JobList): number {
  const busy = !list || list.jobs.some((job) => !job.finished)
  return busy ? MONITOR_BUSY_POLL_MS : MONITOR_IDLE_POLL_MS
}

/** Whether polling again may help: not with an expired session or a request the server refuses (4xx). */
export function isTransient(error: FetchError): boolean {
  if (error.kind === 'session') return false
  const status = error.status ?? 0
  return status < 400 || status >= 500 || status === 408 || status === 429
}
