import { QUARTER_KEYS, QUARTER_NAMES, type CompanyEarnings, type QuarterName } from './types'

export interface CompanyRow {
  /** Position on the category axis: the biggest total gets the highest x (drawn on top). */
  x: number
  company: CompanyEarnings
  total: number
}

export interface QuarterSegment {
  x: number
  y: number
  id: number
  name: string
  quarter: QuarterName
}

export interface ComparisonChart {
  rows: CompanyRow[]
  /**
   * One stack layer per quarter, Q1 first; unreported quarters have no segment.
   * Segments are in ascending x order, which VictoryStack needs to line layers up.
   */
  layers: QuarterSegment[][]
}

const sum = (company: CompanyEarnings) =>
  QUARTER_KEYS.reduce((total, key) => total + Number(company[key] ?? 0), 0)

/** Companies sorted by total earnings, descending, split into Q1..Q4 stack layers. */
export function toComparisonChart(companies: CompanyEarnings[]): ComparisonChart {
  const rows = companies
    .map((company) => ({ company, total: company.total != null ? Number(company.total) : sum(company) }))
    .sort((a, b) => b.total - a.total || a.company.name.localeCompare(b.company.name))
    .map((row, i) => ({ ...row, x: companies.length - i }))
  const layers = QUARTER_KEYS.map((key, q) =>
    rows
      .slice()
      .reverse()
      .filter(({ company }) => company[key] != null)
      .map(({ x, company }) => ({
        x,
        y: Number(company[key]),
        id: company.id,
        name: company.name,
        quarter: QUARTER_NAMES[q],
      })),
  )
  return { rows, layers }
}

export interface ComparisonQuery {
  year?: number
  name?: string
  businessType?: string
}

/** /api/v1/earnings with the non-empty query parameters. */
export function comparisonUrl({ year, name, businessType }: ComparisonQuery): string {
  const params = new URLSearchParams()
  if (year != null) params.set('year', String(year))
  if (name) params.set('name', name)
  if (businessType) params.set('businessType', businessType)
  const query = params.toString()
  return query ? `/api/v1/earnings?${query}` : '/api/v1/earnings'
}
