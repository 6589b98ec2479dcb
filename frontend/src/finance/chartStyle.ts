import type { CallbackArgs, VictoryAxisProps, VictoryTooltipProps } from 'victory'

/** Bootstrap 5.3 palette. */
export const colors = {
  brand: '#0d6efd',
  brandFill: 'rgba(13, 110, 253, 0.15)',
  yearToDate: '#ced4da',
  quarters: ['#9ec5fe', '#4d94fd', '#0a58ca', '#052c65'],
  text: '#6c757d',
  axis: '#adb5bd',
  grid: '#e9ecef',
}

const fontFamily =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'

export const labelStyle = { fontSize: 12, fontFamily, fill: colors.text }

/** Categories / years: a solid base line, no grid. */
export const independentAxisStyle: VictoryAxisProps['style'] = {
  axis: { stroke: colors.axis },
  ticks: { stroke: colors.axis, size: 4 },
  tickLabels: { ...labelStyle, padding: 4 },
  grid: { stroke: 'none' },
}

/** Amounts: light grid lines instead of an axis line. */
export const dependentAxisStyle: VictoryAxisProps['style'] = {
  axis: { stroke: 'none' },
  ticks: { stroke: 'none' },
  tickLabels: { ...labelStyle, padding: 6 },
  grid: { stroke: colors.grid },
}

export const tooltipProps: VictoryTooltipProps = {
  constrainToVisibleArea: true,
  cornerRadius: 4,
  pointerLength: 6,
  flyoutPadding: { top: 4, bottom: 4, left: 8, right: 8 },
  flyoutStyle: { fill: '#212529', stroke: 'none' },
  style: { ...labelStyle, fill: '#fff' },
}

/** Adapts a text function of one of our data points to a Victory label / aria-label callback. */
export const describe =
  <T,>(text: (datum: T) => string) =>
  ({ datum }: CallbackArgs) =>
    text(datum as T)
