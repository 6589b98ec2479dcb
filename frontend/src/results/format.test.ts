import { describe, expect, it } from 'vitest'
import {
  durationUnit,
  excerpt,
  formatAxisCount,
  formatCount,
  formatDay,
  formatDurationTick,
  formatSeconds,
  formatShortDay,
  formatTenths,
  median,
  rateTenths,
  spansYears,
  wrapLabel,
} from './format'

describe('counts', () => {
  it('groups thousands', () => {
    expect(formatCount(1180)).toBe('1,180')
    expect(formatCount(12_345_678)).toBe('12,345,678')
    expect(formatCount(0)).toBe('0')
  })

  it.each([
    [0, '0'],
    [500, '500'],
    [9_999, '9,999'],
    [10_000, '10K'],
    [125_000, '125K'],
    [1_250_000, '1.3M'],
  ])('formats the axis tick %d as %s', (value, expected) => {
    expect(formatAxisCount(value)).toBe(expected)
  })
})

describe('days', () => {
  it('shows the UTC date, whatever the offset of the instant', () => {
    expect(formatDay('2026-11-20T02:00:00Z')).toBe('20 Nov 2026')
    expect(formatDay('2026-11-20T01:00:00+02:00')).toBe('19 Nov 2026')
    expect(formatDay('2026-09-01T00:00:00.123456Z')).toBe('1 Sep 2026')
  })

  it('shows a time it cannot read as it is', () => {
    expect(formatDay('yesterday')).toBe('yesterday')
    expect(formatShortDay('yesterday')).toBe('')
  })

  it('shortens axis dates, with a two-digit year when asked', () => {
    expect(formatShortDay('2026-11-20T02:00:00Z')).toBe('20 Nov')
    expect(formatShortDay('2027-01-03T02:00:00Z', true)).toBe("3 Jan '27")
  })

  it('tells when instants fall in several years', () => {
    expect(spansYears(['2026-01-01T00:00:00Z', '2026-12-31T23:59:59Z'])).toBe(false)
    expect(spansYears(['2026-12-31T23:59:59Z', '2027-01-01T00:00:00Z'])).toBe(true)
    expect(spansYears([])).toBe(false)
  })
})

describe('durations', () => {
  it.each([
    [0, '0 s'],
    [-1, '0 s'],
    [Number.NaN, '0 s'],
    [0.0004, '0.4 ms'],
    [0.004, '4 ms'],
    [0.01, '0.01 s'],
    [0.4, '0.40 s'],
    [0.412, '0.41 s'],
    [9.99, '9.99 s'],
    [12.34, '12.3 s'],
    [99.9, '99.9 s'],
    [1234.5, '1,235 s'],
  ])('formats %d s as %s', (seconds, expected) => {
    expect(formatSeconds(seconds)).toBe(expected)
  })

  it('picks milliseconds for an axis when every duration is under a second', () => {
    expect(durationUnit(0.412)).toBe('ms')
    expect(durationUnit(0)).toBe('ms')
    expect(durationUnit(1)).toBe('s')
    expect(formatDurationTick(0.25, 'ms')).toBe('250 ms')
    expect(formatDurationTick(0.30000000000000004, 'ms')).toBe('300 ms')
    expect(formatDurationTick(1.5, 's')).toBe('1.5 s')
    expect(formatDurationTick(2000, 's')).toBe('2,000 s')
  })
})

describe('rates', () => {
  it('rounds down to a tenth of a percent, never to 100% or 0% when not all passed or failed', () => {
    expect(rateTenths(1)).toBe(1000)
    expect(rateTenths(0)).toBe(0)
    expect(rateTenths(1180 / 1184)).toBe(996)
    expect(rateTenths(9_999 / 10_000)).toBe(999)
    expect(rateTenths(1 / 10_000)).toBe(1)
    expect(rateTenths(0.7)).toBe(700) // not 699 from 0.7 * 1000 = 699.999…
  })

  it('shows tenths as a percentage', () => {
    expect(formatTenths(1000)).toBe('100%')
    expect(formatTenths(0)).toBe('0%')
    expect(formatTenths(996)).toBe('99.6%')
    expect(formatTenths(700)).toBe('70.0%')
  })
})

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([7])).toBe(7)
    expect(median([])).toBeUndefined()
  })
})

describe('excerpt', () => {
  it('collapses whitespace and cuts long text with an ellipsis', () => {
    expect(excerpt('expected:<3>\n  but was:<4>', 120)).toBe('expected:<3> but was:<4>')
    expect(excerpt('a'.repeat(130), 120)).toBe(`${'a'.repeat(120)}…`)
    expect(excerpt('a'.repeat(120), 120)).toBe('a'.repeat(120))
  })

  it('never splits a character made of two UTF-16 units', () => {
    expect(excerpt(`${'a'.repeat(119)}😀😀`, 120)).toBe(`${'a'.repeat(119)}😀…`)
  })
})

describe('wrapLabel', () => {
  const label = 'nightly-1234 · 20 Nov 2026: 1,180 passed, 4 failed, 16 skipped (2 flaky)'

  it('keeps a label that fits on one line', () => {
    expect(wrapLabel(label, 80)).toEqual([label])
  })

  it('breaks after the colon first, then between words', () => {
    expect(wrapLabel(label, 50)).toEqual(['nightly-1234 · 20 Nov 2026:', '1,180 passed, 4 failed, 16 skipped (2 flaky)'])
    expect(wrapLabel(label, 30)).toEqual(['nightly-1234 · 20 Nov 2026:', '1,180 passed, 4 failed, 16', 'skipped (2 flaky)'])
  })

  it('keeps short parts together and cuts words longer than a line', () => {
    expect(wrapLabel('run · 1 Jan 2026 · b1: failed in 1.00 s — boom', 40)).toEqual([
      'run · 1 Jan 2026 · b1:',
      'failed in 1.00 s — boom',
    ])
    expect(wrapLabel(`x: ${'y'.repeat(25)}`, 10)).toEqual(['x:', 'yyyyyyyyyy', 'yyyyyyyyyy', 'yyyyy'])
    expect(wrapLabel('run: 1,180 passed, 16 skipped (2 flaky)', 30)).toEqual(['run:', '1,180 passed, 16 skipped', '(2 flaky)'])
  })
})
