import { stateBadgeClass, stateLabel } from './jobStatus'
import type { JobState } from './types'

export function StateBadge({ state }: { state: JobState }) {
  return <span className={`badge ${stateBadgeClass(state)}`}>{stateLabel(state)}</span>
}
