import { describe, expect, it } from 'vitest'
import { toYearPoints, yearTicks } from './trendData'

describe('toYearPoints', () => {
  it('maps yearly totals to points sorted by year, skipping years without a total', () => {
    const rows = [
      { year: 2024, total: 7.825e9 },
      { year: 2022, total: 1e9 },
      { year: 2023, total: null },
    ]
    expect(toYearPoints(rows).map(({ x, y }) => ({ x, y }))).toEqual([
      { x: 2022, y: 1e9 },
      { x: 2024, y: 7.825e9 },
    ])
  })

  it('keeps the source row for tooltips', () => {
    const row = { year: 2020, total: 123, companies: 8 }
    expect(toYearPoints([row])[0].row).toBe(row)
  })

  it('keeps zero and negative totals', () => {
    expect(toYearPoints([{ year: 2020, total: 0 }, { year: 2021, total: -5 }]).map((p) => p.y)).toEqual([0, -5])
  })
})

describe('yearTicks', () => {
  it('uses every year when there are few, including years without data', () => {
    expect(yearTicks([2020, 2021, 2022])).toEqual([2020, 2021, 2022])
    expect(yearTicks([2024, 2020, 2022])).toEqual([2020, 2021, 2022, 2023, 2024])
    expect(yearTicks([2024])).toEqual([2024])
    expect(yearTicks([])).toEqual([])
  })

  it('thins out many years to at most the maximum', () => {
    const years = Array.from({ length: 25 }, (_, i) => 2000 + i)
    const ticks = yearTicks(years, 10)
    expect(ticks.length).toBeLessThanOrEqual(10)
    expect(ticks).toEqual([2000, 2003, 2006, 2009, 2012, 2015, 2018, 2021, 2024])
  })
})
