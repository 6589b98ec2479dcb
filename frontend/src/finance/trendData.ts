import type { Amount } from './types'

export interface YearPoint {
  x: number
  y: number
}

/** Yearly totals as chart points, ascending by year; years without a total are left out. */
export function toYearPoints<T extends { year: number; total: Amount }>(rows: T[]): (YearPoint & { row: T })[] {
  return rows
    .filter((row) => row.total != null)
    .map((row) => ({ x: row.year, y: Number(row.total), row }))
    .sort((a, b) => a.x - b.x)
}

/** Whole-year tick values from the first to the last of `years`, at most `max` of them. */
export function yearTicks(years: number[], max = 10): number[] {
  if (years.length === 0) return []
  const first = Math.min(...years)
  const count = Math.max(...years) - first + 1
  const step = Math.ceil(count / max)
  return Array.from({ length: Math.ceil(count / step) }, (_, i) => first + i * step)
}
