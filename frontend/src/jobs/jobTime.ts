import type { JobView } from './types'

const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 })

/** 400 → "0.4 s", 42_000 → "42 s", 185_000 → "3 min 5 s", 7_500_000 → "2 h 5 min". */
export function formatDuration(ms: number): string {
  if (!(ms > 0)) return '0 s'
  if (ms < 10_000) return `${oneDecimal.format(ms / 1000)} s`
  const seconds = Math.round(ms / 1000)
  if (seconds < 60) return `${seconds} s`
  if (seconds < 3600) return joinUnits(Math.floor(seconds / 60), 'min', seconds % 60, 's')
  const minutes = Math.round(seconds / 60)
  return joinUnits(Math.floor(minutes / 60), 'h', minutes % 60, 'min')
}

function joinUnits(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor ? `${major} ${majorUnit} ${minor} ${minorUnit}` : `${major} ${majorUnit}`
}

/** How long the job has run: start to finish, or start to `now` while it runs; null before it started. */
export function jobDuration(job: JobView, now: number): number | null {
  if (!job.startedAt) return null
  const end = job.finishedAt ? Date.parse(job.finishedAt) : job.finished ? NaN : now
  const duration = end - Date.parse(job.startedAt)
  return Number.isFinite(duration) ? Math.max(0, duration) : null
}

/** "just now", "42 s ago", "5 min ago", "3 h ago", then the date: "2026-11-24". */
export function formatAge(iso: string, now: number): string {
  const time = Date.parse(iso)
  if (Number.isNaN(time)) return iso
  const seconds = Math.floor((now - time) / 1000)
  if (seconds < 5) return 'just now' // also when the browser's clock is a little behind the server's
  if (seconds < 60) return `${seconds} s ago`
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`
  return formatTime(iso).slice(0, 10)
}

/** "2026-11-24 10:00:00 UTC": in UTC, like the server-rendered times on the same pages. */
export function formatTime(iso: string): string {
  const time = Date.parse(iso)
  if (Number.isNaN(time)) return iso
  return `${new Date(time).toISOString().slice(0, 19).replace('T', ' ')} UTC`
}
