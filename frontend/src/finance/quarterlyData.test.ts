import { describe, expect, it } from 'vitest'
import { pickYear, toQuarterBars } from './quarterlyData'
import type { YearFinances } from './types'

const year = (y: number, q1: number | null, q2: number | null, q3: number | null, q4: number | null): YearFinances => ({
  year: y,
  q1,
  q2,
  q3,
  q4,
  total: [q1, q2, q3, q4].reduce<number>((sum, q) => sum + (q ?? 0), 0),
})

describe('toQuarterBars', () => {
  it('stacks each quarter on the sum of the quarters before it', () => {
    expect(toQuarterBars(year(2024, 2e9, 2.5e9, 1e9, 2.325e9))).toEqual([
      { x: 1, quarter: 'Q1', earlier: 0, amount: 2e9 },
      { x: 2, quarter: 'Q2', earlier: 2e9, amount: 2.5e9 },
      { x: 3, quarter: 'Q3', earlier: 4.5e9, amount: 1e9 },
      { x: 4, quarter: 'Q4', earlier: 5.5e9, amount: 2.325e9 },
    ])
  })

  it('leaves out unreported quarters and sums only the reported ones', () => {
    expect(toQuarterBars(year(2024, 100, null, 50, null))).toEqual([
      { x: 1, quarter: 'Q1', earlier: 0, amount: 100 },
      { x: 3, quarter: 'Q3', earlier: 100, amount: 50 },
    ])
    expect(toQuarterBars(year(2024, null, null, null, 7))).toEqual([{ x: 4, quarter: 'Q4', earlier: 0, amount: 7 }])
    expect(toQuarterBars(year(2024, null, null, null, null))).toEqual([])
  })

  it('subtracts losses from the year-to-date total', () => {
    expect(toQuarterBars(year(2024, 100, -30, 10, null)).map((bar) => bar.earlier)).toEqual([0, 100, 70])
  })

  it('reads amounts sent as strings', () => {
    const finances = { ...year(2024, null, null, null, null), q1: '1.50', q2: '2' } as unknown as YearFinances
    expect(toQuarterBars(finances)).toEqual([
      { x: 1, quarter: 'Q1', earlier: 0, amount: 1.5 },
      { x: 2, quarter: 'Q2', earlier: 1.5, amount: 2 },
    ])
  })
})

describe('pickYear', () => {
  const finances = [year(2022, 1, 1, 1, 1), year(2024, 1, 1, 1, 1), year(2023, 1, 1, 1, 1)]

  it('picks the requested year', () => {
    expect(pickYear(finances, 2022)?.year).toBe(2022)
  })

  it('falls back to the latest year', () => {
    expect(pickYear(finances)?.year).toBe(2024)
    expect(pickYear(finances, 1999)?.year).toBe(2024)
  })

  it('has nothing to pick without data', () => {
    expect(pickYear([], 2024)).toBeUndefined()
  })
})
