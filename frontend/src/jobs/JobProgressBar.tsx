import { progressBar } from './jobStatus'
import type { JobView } from './types'

interface Props {
  job: JobView
  /** A slim bar for table rows. */
  thin?: boolean
}

/** Bootstrap 5.3 progress bar; without aria-valuenow while indeterminate, as ARIA asks. */
export function JobProgressBar({ job, thin }: Props) {
  const { percent, className, valueText } = progressBar(job)
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={`Progress of ${job.title}`}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={valueText}
      style={thin ? { height: '0.375rem' } : undefined}
    >
      <div className={`progress-bar ${className}`} style={{ width: `${percent ?? 100}%` }} />
    </div>
  )
}
