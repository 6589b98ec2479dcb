import { describe, expect, it } from 'vitest'
import { runAxis } from './runAxis'

/** `n` nightly runs from 1 Nov 2026, one a day. */
const nightly = (n: number, from = Date.UTC(2026, 10, 1, 2)) =>
  Array.from({ length: n }, (_, i) => new Date(from + i * 86_400_000).toISOString())

describe('runAxis', () => {
  it('labels every run with its short date when there is room', () => {
    const axis = runAxis(nightly(3), 500)
    expect(axis.ticks).toEqual([1, 2, 3])
    expect(axis.ticks.map(axis.label)).toEqual(['1 Nov', '2 Nov', '3 Nov'])
  })

  it('thins the ticks to fit the width, always keeping the newest run', () => {
    // "20 Nov" is 6 characters: a tick every 58 px
    const narrow = runAxis(nightly(60), 290)
    expect(narrow.ticks).toEqual([12, 24, 36, 48, 60])
    const wide = runAxis(nightly(60), 580)
    expect(wide.ticks.length).toBeLessThanOrEqual(10)
    expect(wide.ticks.at(-1)).toBe(60)
    expect(wide.ticks.map(wide.label).at(-1)).toBe('30 Dec')
  })

  it('leaves out a tick with the same date as the one before (several runs a day)', () => {
    const day = '2026-11-20T'
    const axis = runAxis([`${day}01:00:00Z`, `${day}09:00:00Z`, `${day}17:00:00Z`, '2026-11-21T01:00:00Z'], 500)
    expect(axis.ticks).toEqual([1, 4])
    expect(axis.ticks.map(axis.label)).toEqual(['20 Nov', '21 Nov'])
  })

  it('adds the year when the runs span a new year, with room for the longer labels', () => {
    const axis = runAxis(nightly(4, Date.UTC(2026, 11, 30, 2)), 500)
    expect(axis.ticks.map(axis.label)).toEqual(["30 Dec '26", "31 Dec '26", "1 Jan '27", "2 Jan '27"])
    expect(runAxis(nightly(40, Date.UTC(2026, 11, 30, 2)), 500).ticks.length).toBeLessThanOrEqual(5)
  })

  it('gives a single run its tick, even on a narrow chart', () => {
    expect(runAxis(nightly(1), 10).ticks).toEqual([1])
    expect(runAxis([], 500).ticks).toEqual([])
  })

  it('has no label outside the runs or for a time it cannot read', () => {
    const axis = runAxis(['soon', '2026-11-20T02:00:00Z'], 500)
    expect(axis.ticks).toEqual([2])
    expect(axis.label(7)).toBe('')
  })
})
