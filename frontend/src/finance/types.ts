/** A money amount as sent by the API; null means "not reported". */
export type Amount = number | null

/** GET /api/v1/companies/{id}/finances (array, sorted by year ascending). */
export interface YearFinances {
  year: number
  q1: Amount
  q2: Amount
  q3: Amount
  q4: Amount
  total: Amount
}

export interface CompanyEarnings {
  id: number
  name: string
  businessType: string
  q1: Amount
  q2: Amount
  q3: Amount
  q4: Amount
  total: Amount
}

/** GET /api/v1/earnings */
export interface EarningsComparison {
  year: number | null
  years: number[]
  companies: CompanyEarnings[]
}

/** GET /api/v1/earnings/totals (array) */
export interface YearTotal {
  year: number
  total: Amount
  companies: number
}

export const QUARTER_KEYS = ['q1', 'q2', 'q3', 'q4'] as const
export const QUARTER_NAMES = ['Q1', 'Q2', 'Q3', 'Q4'] as const
export type QuarterName = (typeof QUARTER_NAMES)[number]
