import { Bar, VictoryAxis, VictoryBar, VictoryChart, VictoryStack, VictoryTooltip, type CallbackArgs } from 'victory'
import { ErrorAlert } from '../common/ErrorAlert'
import { Loading } from '../common/Loading'
import { NoData } from '../common/NoData'
import { useJson } from '../common/useJson'
import { useWidth } from '../common/useWidth'
import { dependentAxisStyle, describe, independentAxisStyle, tooltipProps } from '../finance/chartStyle'
import { SegmentBar } from '../finance/SegmentBar'
import { highlight, outcomeColors } from './colors'
import { formatAxisCount, wrapLabel } from './format'
import { CHAR_WIDTH, runAxis } from './runAxis'
import { Swatch } from './Swatch'
import { countTicks, runLabel, toRunBars, trendSummary, trendUrl, type RunBar } from './trendData'
import { runUrl, type RunTotals } from './types'

interface Props {
  /** The page's filters as a query string, e.g. "owner=acme&site=lab&limit=60". */
  query?: string
}

const openRun = (bar: RunBar) => window.location.assign(runUrl(bar.run.runId))

/** Each column is a whole-height target over its run: thin bars and small red segments are easy to hit. */
const columnEvents = [
  {
    target: 'data' as const,
    eventHandlers: {
      onClick: (_event: unknown, { datum }: { datum: RunBar }) => {
        openRun(datum)
        return []
      },
      onKeyDown: (event: { key?: string; preventDefault?: () => void }, { datum }: { datum: RunBar }) => {
        if (event.key !== 'Enter' && event.key !== ' ') return []
        event.preventDefault?.()
        openRun(datum)
        return []
      },
    },
  },
]

/** Test cases per run, stacked by outcome, oldest run first; a column opens its run. */
export function ResultsTrend({ query }: Props) {
  const { data, error } = useJson<RunTotals[]>(trendUrl(query))
  const { ref, width } = useWidth(640)

  if (error) return <ErrorAlert error={error} />
  if (!data) return <Loading />
  if (data.length === 0) return <NoData>No runs match these filters yet.</NoData>

  const bars = toRunBars(data)
  const yTicks = countTicks(Math.max(...bars.map((bar) => bar.total)), 4)
  const top = yTicks[yTicks.length - 1]
  const longestTick = Math.max(...yTicks.map((tick) => formatAxisCount(tick).length))
  // room above the plot for the tooltips, which point at the top of a column
  const padding = { top: 44, right: 24, bottom: 40, left: 16 + longestTick * CHAR_WIDTH }
  const plotWidth = width - padding.left - padding.right
  const axis = runAxis(bars.map((bar) => bar.run.startedAt), plotWidth)
  const slot = plotWidth / bars.length
  const barWidth = Math.min(32, Math.max(2, slot * 0.7))
  const label = describe<RunBar>(runLabel)
  const tooltip = ({ datum }: CallbackArgs) => wrapLabel(runLabel(datum as RunBar), (width - 32) / CHAR_WIDTH)
  const layer = (y: 'passed' | 'failing' | 'skipped', color: string) => (
    <VictoryBar data={bars} x="x" y={y} barWidth={barWidth} style={{ data: { fill: color } }} dataComponent={<SegmentBar />} />
  )

  return (
    <div>
      <h3 className="h6 mb-2">Test results per run</h3>
      <div ref={ref} data-testid="results-trend-chart">
        <VictoryChart
          width={width}
          height={290}
          padding={padding}
          domain={{ x: [0.5, bars.length + 0.5], y: [0, top] }}
        >
          <VictoryAxis tickValues={axis.ticks} tickFormat={axis.label} style={independentAxisStyle} />
          <VictoryAxis dependentAxis crossAxis={false} tickValues={yTicks} tickFormat={formatAxisCount} style={dependentAxisStyle} />
          <VictoryStack>
            {layer('passed', outcomeColors.passed)}
            {layer('failing', outcomeColors.failed)}
            {layer('skipped', outcomeColors.skipped)}
          </VictoryStack>
          <VictoryBar
            data={bars.map((bar) => ({ ...bar, column: top }))}
            x="x"
            y="column"
            barWidth={Math.max(2, slot)}
            style={{ data: { fill: ({ active }) => (active ? highlight : 'transparent'), cursor: 'pointer' } }}
            labels={tooltip}
            labelComponent={<VictoryTooltip {...tooltipProps} orientation="top" activateData />}
            dataComponent={<Bar ariaLabel={label} role="link" tabIndex={0} />}
            events={columnEvents}
          />
        </VictoryChart>
        <div className="d-flex flex-wrap gap-3 small text-body-secondary">
          <Swatch color={outcomeColors.passed}>Passed</Swatch>
          <Swatch color={outcomeColors.failed}>Failed or error</Swatch>
          <Swatch color={outcomeColors.skipped}>Skipped</Swatch>
        </div>
      </div>
      <p className="small text-body-secondary mb-0 mt-2">{trendSummary(bars)}</p>
    </div>
  )
}
