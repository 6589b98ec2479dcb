export type JobState = 'AWAITING' | 'SCHEDULED' | 'ENQUEUED' | 'PROCESSING' | 'SUCCEEDED' | 'FAILED' | 'DELETED'

export interface JobProgress {
  done: number
  total: number
  percent: number
}

export interface JobError {
  /** The exception's class name, e.g. "java.net.ConnectException". */
  type: string
  message: string | null
}

/** GET /api/v1/jobs/{id}; times are ISO-8601 instants. */
export interface JobView {
  id: string
  task: string
  title: string
  recurringJobId: string | null
  state: JobState
  /** True in the final states SUCCEEDED, FAILED and DELETED: nothing will change any more. */
  finished: boolean
  /** Null when the job reports no progress. */
  progress: JobProgress | null
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
  /** Set when a failed attempt is scheduled for retry. */
  nextAttemptAt: string | null
  /** How many times the job started. */
  attempts: number
  /** Summary of a succeeded job. */
  result: string | null
  error: JobError | null
  statusUrl: string
}

/** GET /api/v1/jobs?limit=N, most recent first. */
export interface JobList {
  jobs: JobView[]
}
