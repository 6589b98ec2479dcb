import { Bar, type BarProps } from 'victory'

/**
 * A bar of a VictoryStack layer. VictoryStack pads every layer with empty data for the x values
 * of the other layers; those (and zero-height segments) get no <path>, so every path is a visible bar.
 */
export function SegmentBar(props: BarProps) {
  const y: unknown = props.datum?._y
  return y == null || y === 0 ? null : <Bar {...props} />
}
