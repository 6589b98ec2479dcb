import { describe, expect, it } from 'vitest'
import { comparisonUrl, toComparisonChart } from './comparisonData'
import type { CompanyEarnings } from './types'

const company = (
  id: number,
  name: string,
  [q1, q2, q3, q4]: (number | null)[],
  total: number | null = [q1, q2, q3, q4].reduce<number>((sum, q) => sum + (q ?? 0), 0),
): CompanyEarnings => ({ id, name, businessType: 'Retail', q1, q2, q3, q4, total })

describe('toComparisonChart', () => {
  const companies = [
    company(1, 'Small', [1, 1, 1, 1]),
    company(2, 'Big', [10, 20, 30, 40]),
    company(3, 'Middle', [5, null, 5, null]),
  ]

  it('sorts companies by total, descending, the biggest at the top (highest x)', () => {
    const { rows } = toComparisonChart(companies)
    expect(rows.map((row) => [row.company.name, row.total, row.x])).toEqual([
      ['Big', 100, 3],
      ['Middle', 10, 2],
      ['Small', 4, 1],
    ])
  })

  it('makes one stack layer per quarter, without unreported quarters', () => {
    const { layers } = toComparisonChart(companies)
    expect(layers).toHaveLength(4)
    expect(layers[0]).toEqual([
      { x: 1, y: 1, id: 1, name: 'Small', quarter: 'Q1' },
      { x: 2, y: 5, id: 3, name: 'Middle', quarter: 'Q1' },
      { x: 3, y: 10, id: 2, name: 'Big', quarter: 'Q1' },
    ])
    expect(layers[1].map((s) => s.name)).toEqual(['Small', 'Big'])
    expect(layers[3].map((s) => [s.name, s.y, s.quarter])).toEqual([
      ['Small', 1, 'Q4'],
      ['Big', 40, 'Q4'],
    ])
  })

  it('stacks up to the total of each company', () => {
    const { rows, layers } = toComparisonChart(companies)
    for (const row of rows) {
      const stacked = layers.flat().filter((s) => s.x === row.x).reduce((sum, s) => sum + s.y, 0)
      expect(stacked).toBe(row.total)
    }
  })

  it('sums the quarters when the total is missing and breaks ties by name', () => {
    const { rows } = toComparisonChart([company(1, 'B', [2, 2, null, null], null), company(2, 'A', [4, null, null, null])])
    expect(rows.map((row) => [row.company.name, row.total])).toEqual([
      ['A', 4],
      ['B', 4],
    ])
  })

  it('has nothing to draw without companies', () => {
    expect(toComparisonChart([])).toEqual({ rows: [], layers: [[], [], [], []] })
  })
})

describe('comparisonUrl', () => {
  it('leaves out empty parameters', () => {
    expect(comparisonUrl({})).toBe('/api/v1/earnings')
    expect(comparisonUrl({ name: '', businessType: '' })).toBe('/api/v1/earnings')
  })

  it('encodes the given parameters', () => {
    expect(comparisonUrl({ year: 2023, name: 'Wayne & Co', businessType: 'Multinational Conglomerate' })).toBe(
      '/api/v1/earnings?year=2023&name=Wayne+%26+Co&businessType=Multinational+Conglomerate',
    )
  })
})
