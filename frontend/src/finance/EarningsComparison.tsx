import { useState } from 'react'
import { VictoryAxis, VictoryBar, VictoryChart, VictoryLegend, VictoryStack, VictoryTooltip } from 'victory'
import { ErrorAlert } from '../common/ErrorAlert'
import { Loading } from '../common/Loading'
import { NoData } from '../common/NoData'
import { formatMillions, formatMoney } from '../common/money'
import { useJson } from '../common/useJson'
import { useWidth } from '../common/useWidth'
import { colors, dependentAxisStyle, describe, independentAxisStyle, labelStyle, tooltipProps } from './chartStyle'
import { SegmentBar } from './SegmentBar'
import { comparisonUrl, toComparisonChart, type CompanyRow, type QuarterSegment } from './comparisonData'
import { QUARTER_NAMES, type EarningsComparison as Comparison } from './types'

interface Props {
  name?: string
  businessType?: string
}

const ROW_HEIGHT = 30
const CHAR_WIDTH = 7 // about the width of a 12px character

/** The company names for the axis, shortened to fit in at most 40% of the chart, and the room they take. */
function nameAxis(rows: CompanyRow[], width: number) {
  const maxChars = Math.floor((Math.min(220, width * 0.4) - 16) / CHAR_WIDTH)
  const shorten = (name: string) => (name.length > maxChars ? `${name.slice(0, maxChars - 1)}…` : name)
  const names = new Map(rows.map((row) => [row.x, shorten(row.company.name)]))
  const longest = Math.max(...[...names.values()].map((name) => name.length))
  return { names, left: Math.max(60, 16 + longest * CHAR_WIDTH) }
}

const openCompany = [
  {
    target: 'data' as const,
    eventHandlers: {
      onClick: (_event: unknown, { datum }: { datum: QuarterSegment }) => {
        window.location.assign(`/companies/${datum.id}`)
        return []
      },
    },
  },
]

/** Total earnings per company for one year, stacked by quarter, biggest first. */
export function EarningsComparison({ name, businessType }: Props) {
  const [year, setYear] = useState<number>()
  const { data, error, loading } = useJson<Comparison>(comparisonUrl({ year, name, businessType }))
  const { ref, width } = useWidth(640)

  if (error) return <ErrorAlert error={error} />
  if (!data) return <Loading />
  if (data.year == null || data.years.length === 0) return <NoData />

  const { rows, layers } = toComparisonChart(data.companies)
  const { names, left } = nameAxis(rows, width)
  const padding = { top: 40, right: 40, bottom: 40, left }
  const amountTicks = Math.max(2, Math.min(6, Math.floor((width - left - padding.right) / 90)))
  const label = describe<QuarterSegment>((s) => `${s.name}, ${s.quarter}: ${formatMoney(s.y)}`)

  return (
    <div aria-busy={loading}>
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-2">
        <h3 className="h6 mb-0">Earnings by company, {data.year}</h3>
        <select
          className="form-select form-select-sm w-auto"
          aria-label="Year"
          value={loading && year != null ? year : data.year}
          onChange={(e) => setYear(Number(e.target.value))}
        >
          {data.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {rows.length === 0 ? (
        <p className="text-body-secondary my-3">No earnings reported for {data.year}.</p>
      ) : (
        <div ref={ref} data-testid="earnings-comparison-chart" style={{ opacity: loading ? 0.5 : 1 }}>
          {/* keyed by year: VictoryStack would otherwise show the previous year's layers for a frame */}
          <VictoryChart
            key={data.year}
            horizontal
            width={width}
            height={padding.top + padding.bottom + rows.length * ROW_HEIGHT}
            padding={padding}
            domain={{ x: [0.5, rows.length + 0.5] }}
            domainPadding={{ y: [0, 16] }}
          >
            <VictoryLegend
              x={padding.left}
              y={8}
              orientation="horizontal"
              gutter={16}
              style={{ labels: labelStyle }}
              data={QUARTER_NAMES.map((quarter, i) => ({
                name: quarter,
                symbol: { fill: colors.quarters[i], type: 'square' },
              }))}
            />
            <VictoryAxis
              tickValues={rows.map((row) => row.x)}
              tickFormat={(x: number) => names.get(x) ?? ''}
              style={independentAxisStyle}
            />
            <VictoryAxis dependentAxis crossAxis={false} tickCount={amountTicks} tickFormat={formatMillions} style={dependentAxisStyle} />
            <VictoryStack>
              {layers.map((layer, i) =>
                // skip empty layers: a VictoryBar without data draws placeholder bars
                layer.length === 0 ? null : (
                  <VictoryBar
                    key={QUARTER_NAMES[i]}
                    data={layer}
                    barWidth={ROW_HEIGHT * 0.6}
                    style={{ data: { fill: colors.quarters[i], cursor: 'pointer' } }}
                    labels={label}
                    labelComponent={<VictoryTooltip {...tooltipProps} />}
                    dataComponent={<SegmentBar ariaLabel={label} />}
                    events={openCompany}
                  />
                ),
              )}
            </VictoryStack>
          </VictoryChart>
        </div>
      )}
    </div>
  )
}
