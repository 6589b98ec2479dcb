import { describe, expect, it } from 'vitest'
import { formatMillions, formatMoney } from './money'

describe('formatMillions', () => {
  it.each([
    [0, '$0 M'],
    [2.5e6, '$2.5 M'],
    [2e6, '$2 M'],
    [7.825e9, '$7,825 M'],
    [1.5e9, '$1,500 M'],
    [12_345_678, '$12 M'],
    [123e9, '$123,000 M'],
    [-12e6, '-$12 M'],
    [-2.5e6, '-$2.5 M'],
    [-1, '$0 M'],
  ])('formats %d as %s', (value, expected) => {
    expect(formatMillions(value)).toBe(expected)
  })
})

describe('formatMoney', () => {
  it('shows the exact amount in dollars and cents', () => {
    expect(formatMoney(1_500_000_000)).toBe('$1,500,000,000.00')
    expect(formatMoney(2.5)).toBe('$2.50')
    expect(formatMoney(-12e6)).toBe('-$12,000,000.00')
  })
})
