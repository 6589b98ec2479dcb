/** Outcome colours, Bootstrap 5.3's success / danger / warning and a light grey, for chart, legend and pills. */
export const outcomeColors = {
  passed: '#198754',
  failed: '#dc3545',
  skipped: '#adb5bd',
  flaky: '#ffc107',
}

export type OutcomeKind = keyof typeof outcomeColors

/** A hovered or focused column of the trend chart. */
export const highlight = 'rgba(33, 37, 41, 0.08)'
/** The line joining the durations of a test. */
export const durationLine = '#adb5bd'
