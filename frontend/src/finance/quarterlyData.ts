import { QUARTER_KEYS, QUARTER_NAMES, type QuarterName, type YearFinances } from './types'

export interface QuarterBar {
  /** 1..4, the bar's position on the x axis */
  x: number
  quarter: QuarterName
  /** Earnings of the reported quarters of the year before this one. */
  earlier: number
  /** This quarter's earnings. */
  amount: number
}

/** One bar per reported quarter, stacked on the year-to-date total before it. */
export function toQuarterBars(finances: YearFinances): QuarterBar[] {
  const bars: QuarterBar[] = []
  let yearToDate = 0
  QUARTER_KEYS.forEach((key, i) => {
    const value = finances[key]
    if (value == null) return
    const amount = Number(value)
    bars.push({ x: i + 1, quarter: QUARTER_NAMES[i], earlier: yearToDate, amount })
    yearToDate += amount
  })
  return bars
}

/** The year to show: the requested one when there is data for it, else the latest. */
export function pickYear(finances: YearFinances[], requested?: number): YearFinances | undefined {
  return (
    finances.find((f) => f.year === requested) ??
    finances.reduce<YearFinances | undefined>((latest, f) => (!latest || f.year > latest.year ? f : latest), undefined)
  )
}
