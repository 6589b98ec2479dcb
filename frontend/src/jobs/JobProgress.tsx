import type { ReactNode } from 'react'
import { ErrorAlert } from '../common/ErrorAlert'
import { Loading } from '../common/Loading'
import { formatCount, jobPollDelay } from './jobStatus'
import { formatDuration, jobDuration } from './jobTime'
import { JobProgressBar } from './JobProgressBar'
import { PollWarning } from './PollWarning'
import { StateBadge } from './StateBadge'
import { Time } from './Time'
import type { JobError, JobView } from './types'
import { usePolling } from './usePolling'

interface Props {
  jobId: string
}

/** One background job, live: polled every second until it is finished. */
export function JobProgress({ jobId }: Props) {
  const { data: job, error } = usePolling<JobView>(`/api/v1/jobs/${encodeURIComponent(jobId)}`, jobPollDelay)

  if (!job) return error ? <ErrorAlert error={error} /> : <Loading />
  const duration = jobDuration(job, Date.now())

  return (
    <div>
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-2">
        {/* The page's heading, like the server-rendered summary it replaces. */}
        <h1 className="h4 mb-0">{job.title}</h1>
        {/* Announces state changes, not every tick of the progress bar. */}
        <span aria-live="polite">
          <StateBadge state={job.state} />
        </span>
      </div>
      {error && <PollWarning error={error} />}
      <JobProgressBar job={job} />
      {job.progress && (
        <div className="d-flex justify-content-between small text-body-secondary mt-1">
          <span>
            {formatCount(job.progress.done)} / {formatCount(job.progress.total)}
          </span>
          <span>{Math.round(job.progress.percent)}%</span>
        </div>
      )}
      {job.nextAttemptAt && (
        <p className="small mt-2 mb-0">
          <i className="bi bi-arrow-repeat me-1" aria-hidden="true" />
          Retry {job.attempts} scheduled at <Time iso={job.nextAttemptAt} />
        </p>
      )}
      {job.result && (
        <div className="alert alert-success small py-2 mt-3 mb-0">
          <i className="bi bi-check-circle me-1" aria-hidden="true" />
          {job.result}
        </div>
      )}
      {job.error && <JobFailure error={job.error} final={job.state === 'FAILED'} />}
      <dl className="row small mt-3 mb-0">
        <Detail term="Queued">
          <Time iso={job.createdAt} />
        </Detail>
        <Detail term="Started">
          <Time iso={job.startedAt} />
        </Detail>
        <Detail term="Finished">
          <Time iso={job.finishedAt} />
        </Detail>
        <Detail term="Duration">
          {duration === null ? (
            <span className="text-body-secondary">—</span>
          ) : (
            `${formatDuration(duration)}${job.finished ? '' : ' so far'}`
          )}
        </Detail>
        <Detail term="Attempts">{job.attempts}</Detail>
      </dl>
    </div>
  )
}

/** The exception of the failed (or, while a retry is pending, the last) attempt. */
function JobFailure({ error, final }: { error: JobError; final: boolean }) {
  return (
    <div className={`alert ${final ? 'alert-danger' : 'alert-warning'} small py-2 mt-3 mb-0`}>
      <div className="fw-semibold">
        <i className="bi bi-x-circle me-1" aria-hidden="true" />
        {final ? 'Failed' : 'Last attempt failed'}: <code className="text-break">{error.type}</code>
      </div>
      {error.message && <div className="text-break mt-1">{error.message}</div>}
    </div>
  )
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="col-5 col-sm-3 fw-normal text-body-secondary">{term}</dt>
      <dd className="col-7 col-sm-9 mb-1">{children}</dd>
    </>
  )
}
