import { formatTime } from './jobTime'

/** An instant from the API, or a dash when there is none. */
export function Time({ iso }: { iso: string | null }) {
  if (!iso) return <span className="text-body-secondary">—</span>
  return <time dateTime={iso}>{formatTime(iso)}</time>
}
