import { describe, expect, it } from 'vitest'
import { formatAge, formatDuration, formatTime, jobDuration } from './jobTime'
import { job, processing, succeeded } from './testJobs'

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [-20, '0 s'],
    [400, '0.4 s'],
    [2000, '2 s'],
    [9_940, '9.9 s'],
    [42_000, '42 s'],
    [59_600, '1 min'],
    [185_000, '3 min 5 s'],
    [3_599_000, '59 min 59 s'],
    [3_600_000, '1 h'],
    [7_500_000, '2 h 5 min'],
    [93_600_000, '26 h'],
  ])('formats %d ms as %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected)
  })
})

describe('jobDuration', () => {
  const now = Date.parse('2026-11-24T10:01:00Z')

  it('is the time from start to finish', () => {
    expect(jobDuration(succeeded(null), now)).toBe(42_000)
  })

  it('counts up to now while the job runs', () => {
    expect(jobDuration(processing(1, 2), now)).toBe(55_000)
  })

  it('is unknown before the start, or when a finished job has no finish time', () => {
    expect(jobDuration(job(), now)).toBeNull()
    expect(jobDuration(succeeded(null, { finishedAt: null }), now)).toBeNull()
  })
})

describe('formatAge', () => {
  const now = Date.parse('2026-07-15T12:00:00Z')
  const before = (seconds: number) => new Date(now - seconds * 1000).toISOString()

  it.each([
    [0, 'just now'],
    [-30, 'just now'], // the browser's clock is behind the server's
    [42, '42 s ago'],
    [5 * 60 + 59, '5 min ago'],
    [3 * 3600 + 10, '3 h ago'],
  ])('says %d s before is %s', (seconds, expected) => {
    expect(formatAge(before(seconds), now)).toBe(expected)
  })

  it('shows the date (in UTC) after a day', () => {
    expect(formatAge('2026-07-13T23:30:00Z', now)).toBe('2026-07-13')
    expect(formatAge('2025-07-13T12:00:00+02:00', now)).toBe('2025-07-13')
  })

  it('shows a time it cannot read as it is', () => {
    expect(formatAge('yesterday', now)).toBe('yesterday')
  })
})

describe('formatTime', () => {
  it('shows date and time to the second in UTC, like the server-rendered pages', () => {
    expect(formatTime('2026-11-24T10:00:00Z')).toBe('2026-11-24 10:00:00 UTC')
    expect(formatTime('2026-11-24T10:00:00.987654Z')).toBe('2026-11-24 10:00:00 UTC')
    expect(formatTime('2026-11-25T01:30:00+02:00')).toBe('2026-11-24 23:30:00 UTC')
  })

  it('shows a time it cannot read as it is', () => {
    expect(formatTime('soon')).toBe('soon')
  })
})
