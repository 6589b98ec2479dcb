import { ErrorAlert } from '../common/ErrorAlert'
import { Loading } from '../common/Loading'
import { monitorPollDelay } from './jobStatus'
import { formatAge, formatDuration, formatTime, jobDuration } from './jobTime'
import { JobProgressBar } from './JobProgressBar'
import { PollWarning } from './PollWarning'
import { StateBadge } from './StateBadge'
import type { JobList, JobView } from './types'
import { usePolling } from './usePolling'

interface Props {
  /** How many of the most recent jobs to list; 20 when absent, like the API. */
  limit?: number
}

/**
 * The most recent background jobs, live: polled every 2 s while one is unfinished, else every 10 s.
 * Made for a flush card body (`card-body p-0`), like the server-rendered table it replaces:
 * the table reaches the card's edges, messages bring their own padding.
 */
export function JobMonitor({ limit = 20 }: Props) {
  const { data, error } = usePolling<JobList>(`/api/v1/jobs?limit=${limit}`, monitorPollDelay)

  if (!data) {
    return <div className="px-3 pt-3">{error ? <ErrorAlert error={error} /> : <Loading />}</div>
  }
  const now = Date.now()

  return (
    <div>
      {error && (
        <div className="px-3 pt-2">
          <PollWarning error={error} />
        </div>
      )}
      {data.jobs.length === 0 ? (
        <p className="text-body-secondary p-3 mb-0">No jobs yet.</p>
      ) : (
        <div className="table-responsive">
          <table className="table align-middle mb-0">
            <caption className="visually-hidden">Recent background jobs</caption>
            <thead className="table-light">
              <tr>
                <th scope="col">Job</th>
                <th scope="col">State</th>
                {/* Phones get the job, its outcome below the title, and its state. */}
                <th scope="col" className="d-none d-sm-table-cell">Created</th>
                <th scope="col" className="d-none d-sm-table-cell text-end">Duration</th>
              </tr>
            </thead>
            <tbody>
              {data.jobs.map((job) => (
                <JobRow key={job.id} job={job} now={now} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}

function JobRow({ job, now }: { job: JobView; now: number }) {
  const duration = jobDuration(job, now)
  return (
    <tr>
      <td>
        <a href={`/admin/jobs/${encodeURIComponent(job.id)}`}>{job.title}</a>
        <Outcome job={job} />
      </td>
      <td style={{ minWidth: '7rem' }}>
        <StateBadge state={job.state} />
        {job.state === 'PROCESSING' && (
          <div className="mt-1">
            <JobProgressBar job={job} thin />
          </div>
        )}
      </td>
      <td className="d-none d-sm-table-cell text-nowrap small">
        <time dateTime={job.createdAt} title={formatTime(job.createdAt)}>
          {formatAge(job.createdAt, now)}
        </time>
      </td>
      <td className="d-none d-sm-table-cell text-nowrap small text-end">
        {duration === null ? <span className="text-body-secondary">—</span> : formatDuration(duration)}
      </td>
    </tr>
  )
}

/** The result or error message on one truncated line; the full text is in the title. */
function Outcome({ job }: { job: JobView }) {
  const error = job.error && (job.error.message || job.error.type)
  const text = job.result ?? error
  if (!text) return null
  // An error is red once final; amber while a retry may still succeed.
  const colour = job.result ? 'text-body-secondary' : job.state === 'FAILED' ? 'text-danger' : 'text-warning-emphasis'
  return (
    <div className={`small text-truncate ${colour}`} style={{ maxWidth: 'min(32rem, 60vw)' }} title={text}>
      {text}
    </div>
  )
}
