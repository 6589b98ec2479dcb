import { formatShortDay, spansYears } from './format'

/** About the width of a 12px character, to fit tick labels and tooltips. */
export const CHAR_WIDTH = 7

export interface RunAxis {
  /** x positions (1 = the oldest run) that get a tick. */
  ticks: number[]
  /** The label of a tick: the run's short start date. */
  label: (x: number) => string
}

/**
 * The run axis, x = 1..n in run order, with at most as many date ticks as fit in `plotWidth`.
 * Thinned from the newest run backwards, so that the latest run always has its date; a tick whose
 * date is the same as the one before it (several runs a day) is left out.
 */
export function runAxis(startedAt: string[], plotWidth: number): RunAxis {
  const withYear = spansYears(startedAt)
  const labels = startedAt.map((iso) => formatShortDay(iso, withYear))
  const longest = Math.max(1, ...labels.map((label) => label.length))
  const max = Math.max(1, Math.floor(plotWidth / (longest * CHAR_WIDTH + 16)))
  const step = Math.ceil(startedAt.length / max)
  const ticks: number[] = []
  for (let x = startedAt.length; x >= 1; x -= step) ticks.unshift(x)
  const distinct = ticks.filter((x, i) => labels[x - 1] !== '' && (i === 0 || labels[x - 1] !== labels[ticks[i - 1] - 1]))
  return { ticks: distinct, label: (x) => labels[x - 1] ?? '' }
}
