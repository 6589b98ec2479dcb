import { Point, VictoryArea, VictoryAxis, VictoryChart, VictoryScatter, VictoryTooltip } from 'victory'
import { ErrorAlert } from '../common/ErrorAlert'
import { Loading } from '../common/Loading'
import { NoData } from '../common/NoData'
import { formatMillions, formatMoney } from '../common/money'
import { useJson } from '../common/useJson'
import { useWidth } from '../common/useWidth'
import { colors, dependentAxisStyle, describe, independentAxisStyle, tooltipProps } from './chartStyle'
import { toYearPoints, yearTicks, type YearPoint } from './trendData'
import type { YearTotal } from './types'

/** Total earnings of all companies per year, for the home page. */
export function FinanceOverview() {
  const { data, error } = useJson<YearTotal[]>('/api/v1/earnings/totals')
  const { ref, width } = useWidth(600)

  if (error) return <ErrorAlert error={error} />
  if (!data) return <Loading />
  const points = toYearPoints(data)
  if (points.length === 0) return <NoData />

  const label = describe<YearPoint & { row: YearTotal }>(
    ({ x, y, row }) => `${x}: ${formatMoney(y)} (${row.companies} ${row.companies === 1 ? 'company' : 'companies'})`,
  )
  const lowest = Math.min(0, ...points.map((p) => p.y))

  return (
    <div ref={ref} data-testid="finance-overview-chart">
      <VictoryChart
        width={width}
        height={180}
        padding={{ top: 12, right: 20, bottom: 32, left: 96 }}
        domainPadding={{ x: 12, y: [0, 8] }}
        minDomain={{ y: lowest }}
      >
        <VictoryAxis
          tickValues={yearTicks(points.map((p) => p.x), Math.floor(width / 56))}
          tickFormat={(year: number) => String(year)}
          style={independentAxisStyle}
        />
        <VictoryAxis dependentAxis crossAxis={false} tickCount={3} tickFormat={formatMillions} style={dependentAxisStyle} />
        <VictoryArea
          data={points}
          interpolation="monotoneX"
          style={{ data: { fill: colors.brandFill, stroke: colors.brand, strokeWidth: 2 } }}
        />
        <VictoryScatter
          data={points}
          size={3}
          style={{ data: { fill: colors.brand } }}
          labels={label}
          labelComponent={<VictoryTooltip {...tooltipProps} />}
          dataComponent={<Point ariaLabel={label} />}
        />
      </VictoryChart>
    </div>
  )
}
