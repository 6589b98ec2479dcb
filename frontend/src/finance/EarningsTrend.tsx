import { Point, VictoryAxis, VictoryChart, VictoryLine, VictoryScatter, VictoryTooltip } from 'victory'
import { ErrorAlert } from '../common/ErrorAlert'
import { Loading } from '../common/Loading'
import { NoData } from '../common/NoData'
import { formatMillions, formatMoney } from '../common/money'
import { useJson } from '../common/useJson'
import { useWidth } from '../common/useWidth'
import { colors, dependentAxisStyle, describe, independentAxisStyle, tooltipProps } from './chartStyle'
import { toYearPoints, yearTicks, type YearPoint } from './trendData'
import type { YearFinances } from './types'

export function EarningsTrend({ companyId }: { companyId: string }) {
  const { data, error } = useJson<YearFinances[]>(`/api/v1/companies/${encodeURIComponent(companyId)}/finances`)
  const { ref, width } = useWidth(560)

  if (error) return <ErrorAlert error={error} />
  if (!data) return <Loading />
  const points = toYearPoints(data)
  if (points.length === 0) return <NoData />

  const label = describe<YearPoint>((point) => `${point.x}: ${formatMoney(point.y)}`)
  const lowest = Math.min(0, ...points.map((p) => p.y))

  return (
    <div>
      <h3 className="h6 mb-2">Earnings per year</h3>
      <div ref={ref} data-testid="earnings-trend-chart">
        <VictoryChart
          width={width}
          height={260}
          padding={{ top: 16, right: 24, bottom: 40, left: 80 }}
          domainPadding={{ x: 24, y: [0, 16] }}
          minDomain={{ y: lowest }}
        >
          <VictoryAxis
            tickValues={yearTicks(points.map((p) => p.x), Math.floor(width / 56))}
            tickFormat={(year: number) => String(year)}
            style={independentAxisStyle}
          />
          <VictoryAxis dependentAxis crossAxis={false} tickFormat={formatMillions} style={dependentAxisStyle} />
          <VictoryLine data={points} style={{ data: { stroke: colors.brand, strokeWidth: 2 } }} />
          <VictoryScatter
            data={points}
            size={4}
            style={{ data: { fill: colors.brand, stroke: '#fff', strokeWidth: 1.5 } }}
            labels={label}
            labelComponent={<VictoryTooltip {...tooltipProps} />}
            dataComponent={<Point ariaLabel={label} />}
          />
        </VictoryChart>
      </div>
    </div>
  )
}
