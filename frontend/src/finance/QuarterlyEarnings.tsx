import { useState } from 'react'
import { VictoryAxis, VictoryBar, VictoryChart, VictoryStack, VictoryTooltip } from 'victory'
import { ErrorAlert } from '../common/ErrorAlert'
import { Loading } from '../common/Loading'
import { NoData } from '../common/NoData'
import { formatMillions, formatMoney } from '../common/money'
import { useJson } from '../common/useJson'
import { useWidth } from '../common/useWidth'
import { colors, dependentAxisStyle, describe, independentAxisStyle, tooltipProps } from './chartStyle'
import { SegmentBar } from './SegmentBar'
import { pickYear, toQuarterBars, type QuarterBar } from './quarterlyData'
import { QUARTER_NAMES, type YearFinances } from './types'

interface Props {
  companyId: string
  /** The year to show first; falls back to the latest year with data. */
  year?: number
}

export function QuarterlyEarnings({ companyId, year }: Props) {
  const { data, error } = useJson<YearFinances[]>(`/api/v1/companies/${encodeURIComponent(companyId)}/finances`)
  const [selectedYear, setSelectedYear] = useState(year)
  const { ref, width } = useWidth(560)

  if (error) return <ErrorAlert error={error} />
  if (!data) return <Loading />
  const finances = pickYear(data, selectedYear)
  if (!finances) return <NoData />

  const bars = toQuarterBars(finances)
  const earlierLabel = describe<QuarterBar>((bar) => `Year to date before ${bar.quarter}: ${formatMoney(bar.earlier)}`)
  const quarterLabel = describe<QuarterBar>((bar) => `${bar.quarter} ${finances.year}: ${formatMoney(bar.amount)}`)

  return (
    <div>
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-2">
        <h3 className="h6 mb-0">Quarterly earnings, {finances.year}</h3>
        <select
          className="form-select form-select-sm w-auto"
          aria-label="Year"
          value={finances.year}
          onChange={(e) => setSelectedYear(Number(e.target.value))}
        >
          {data.map((f) => (
            <option key={f.year} value={f.year}>
              {f.year}
            </option>
          ))}
        </select>
      </div>
      {bars.length === 0 ? (
        <p className="text-body-secondary my-3">No quarterly earnings reported for {finances.year}.</p>
      ) : (
        <div ref={ref} data-testid="quarterly-earnings-chart">
          <VictoryChart
            key={finances.year} // VictoryStack updates its layers one render late; start fresh per year
            width={width}
            height={300}
            padding={{ top: 16, right: 16, bottom: 40, left: 80 }}
            domain={{ x: [0.5, 4.5] }}
            domainPadding={{ y: [0, 16] }}
          >
            <VictoryAxis
              tickValues={[1, 2, 3, 4]}
              tickFormat={(x: number) => QUARTER_NAMES[x - 1]}
              style={independentAxisStyle}
            />
            <VictoryAxis dependentAxis crossAxis={false} tickFormat={formatMillions} style={dependentAxisStyle} />
            <VictoryStack>
              <VictoryBar
                data={bars}
                x="x"
                y="earlier"
                barWidth={48}
                style={{ data: { fill: colors.yearToDate } }}
                labels={earlierLabel}
                labelComponent={<VictoryTooltip {...tooltipProps} />}
                dataComponent={<SegmentBar ariaLabel={earlierLabel} />}
              />
              <VictoryBar
                data={bars}
                x="x"
                y="amount"
                barWidth={48}
                cornerRadius={{ top: 3 }}
                style={{ data: { fill: colors.brand } }}
                labels={quarterLabel}
                labelComponent={<VictoryTooltip {...tooltipProps} />}
                dataComponent={<SegmentBar ariaLabel={quarterLabel} />}
              />
            </VictoryStack>
          </VictoryChart>
          <div className="d-flex gap-3 small text-body-secondary">
            <Swatch color={colors.brand}>Quarter</Swatch>
            <Swatch color={colors.yearToDate}>Earlier quarters</Swatch>
          </div>
        </div>
      )}
    </div>
  )
}

function Swatch({ color, children }: { color: string; children: string }) {
  return (
    <span className="d-inline-flex align-items-center gap-1">
      <span className="d-inline-block rounded-1" style={{ width: 10, height: 10, background: color }} />
      {children}
    </span>
  )
}
