import { Point, VictoryAxis, VictoryChart, VictoryLine, VictoryScatter, VictoryTooltip, type CallbackArgs } from 'victory'
import { ErrorAlert } from '../common/ErrorAlert'
import { Loading } from '../common/Loading'
import { NoData } from '../common/NoData'
import { useJson } from '../common/useJson'
import { useWidth } from '../common/useWidth'
import { dependentAxisStyle, describe, independentAxisStyle, tooltipProps } from '../finance/chartStyle'
import { durationLine, outcomeColors } from './colors'
import { durationUnit, formatDurationTick, wrapLabel } from './format'
import { historySummary, historyUrl, runLabel, toHistoryPoints, type HistoryPoint } from './historyData'
import { CHAR_WIDTH, runAxis } from './runAxis'
import { Swatch } from './Swatch'
import { runUrl, type TestHistory as History, type TestRun } from './types'

interface Props {
  /** The test's key: a signed 64-bit integer, kept as the string the page wrote. */
  testKey: string
}

const HEIGHT = 240

/** Tooltips of points in the upper half open downwards, so that a long message does not cover the point. */
const below = ({ y }: { y?: number }) => (y !== undefined && y < HEIGHT / 2 ? 'bottom' : 'top')

const openRun = [
  {
    target: 'data' as const,
    eventHandlers: {
      onClick: (_event: unknown, { datum }: { datum: HistoryPoint }) => {
        window.location.assign(runUrl(datum.run.runId))
        return []
      },
    },
  },
]

/** One test's outcome and duration in each of its runs, oldest first; a point opens its run. */
export function TestHistory({ testKey }: Props) {
  const { data, error } = useJson<History>(historyUrl(testKey))
  const { ref, width } = useWidth(640)

  if (error) return <ErrorAlert error={error} />
  if (!data) return <Loading />
  if (data.runs.length === 0) return <NoData>This test has no recorded runs yet.</NoData>

  const points = toHistoryPoints(data.runs)
  const longest = Math.max(...points.map((p) => p.y))
  const unit = durationUnit(longest)
  const padding = { top: 16, right: 24, bottom: 40, left: 72 }
  const axis = runAxis(points.map((p) => p.run.startedAt), width - padding.left - padding.right)
  const label = describe<HistoryPoint>((point) => runLabel(point.run))
  const tooltip = ({ datum }: CallbackArgs) => wrapLabel(runLabel((datum as HistoryPoint).run), (width - 32) / CHAR_WIDTH)

  return (
    <div>
      <div className="d-flex flex-wrap align-items-baseline justify-content-between gap-2 mb-2">
        <h3 className="h6 mb-0">Duration per run</h3>
        <span className="small text-body-secondary">{historySummary(data.runs)}</span>
      </div>
      <OutcomeStrip runs={data.runs} />
      <div ref={ref} data-testid="test-history-chart">
        <VictoryChart
          width={width}
          height={HEIGHT}
          padding={padding}
          domain={{ x: [0.5, points.length + 0.5] }}
          minDomain={{ y: 0 }}
          maxDomain={longest > 0 ? undefined : { y: 0.001 }} // every run took 0 s (or was skipped): an axis up to 1 ms
          domainPadding={{ y: [0, 12] }}
        >
          <VictoryAxis tickValues={axis.ticks} tickFormat={axis.label} style={independentAxisStyle} />
          <VictoryAxis
            dependentAxis
            crossAxis={false}
            tickCount={4}
            tickFormat={(seconds: number) => formatDurationTick(seconds, unit)}
            style={dependentAxisStyle}
          />
          {/* the line joins the runs that ran; skipped ones (0 s) would pull it down */}
          <VictoryLine
            data={points.filter((p) => p.run.outcome !== 'SKIPPED')}
            style={{ data: { stroke: durationLine, strokeWidth: 1.5 } }}
          />
          <VictoryScatter
            data={points}
            size={4.5}
            style={{
              data: {
                fill: ({ datum }: CallbackArgs) => outcomeColors[(datum as HistoryPoint).kind],
                stroke: '#fff',
                strokeWidth: 1.5,
                cursor: 'pointer',
              },
            }}
            labels={tooltip}
            labelComponent={<VictoryTooltip {...tooltipProps} orientation={below} />}
            dataComponent={<Point ariaLabel={label} />}
            events={openRun}
          />
        </VictoryChart>
        <div className="d-flex flex-wrap gap-3 small text-body-secondary">
          <Swatch color={outcomeColors.passed}>Passed</Swatch>
          <Swatch color={outcomeColors.flaky}>Passed on a rerun (flaky)</Swatch>
          <Swatch color={outcomeColors.failed}>Failed or error</Swatch>
          <Swatch color={outcomeColors.skipped}>Skipped</Swatch>
        </div>
      </div>
    </div>
  )
}

/** A CI-style status strip: a small pill per run, newest last, each a link to its run. */
function OutcomeStrip({ runs }: { runs: TestRun[] }) {
  const points = toHistoryPoints(runs)
  return (
    <ol
      className="list-unstyled d-flex flex-wrap gap-1 mb-2"
      aria-label={runs.length === 1 ? 'Outcome of 1 run' : `Outcomes of ${runs.length} runs, newest last`}
    >
      {points.map((point) => {
        const text = runLabel(point.run)
        return (
          <li key={point.x}>
            <a
              href={runUrl(point.run.runId)}
              className="d-block rounded-pill"
              style={{ width: 8, height: 20, background: outcomeColors[point.kind] }}
              title={text}
              aria-label={text}
            />
          </li>
        )
      })}
    </ol>
  )
}
