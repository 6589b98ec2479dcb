import { useEffect, useState } from 'react'
import { FetchError, fetchJson } from '../common/fetchJson'
import { isTransient } from './jobStatus'

export interface PollState<T> {
  /** The latest successful response; kept when a later poll fails. */
  data?: T
  /** The error of the latest poll; cleared by the next successful one. */
  error?: FetchError
}

/**
 * Fetches `url` as JSON, then again after `nextDelay(data)` milliseconds until it returns null.
 * A failed poll keeps the last data and tries again, unless retrying cannot help (see isTransient).
 * Polls never overlap: the next one is scheduled when the previous one has answered.
 * `nextDelay` must be stable (a module-level function): a new one restarts polling.
 */
export function usePolling<T>(url: string, nextDelay: (data?: T) => number | null): PollState<T> {
  const [state, setState] = useState<PollState<T>>({})

  useEffect(() => {
    const controller = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    let last: T | undefined

    const schedule = (delay: number | null) => {
      if (delay !== null && !controller.signal.aborted) timer = setTimeout(poll, delay)
    }
    const poll = () => {
      fetchJson<T>(url, controller.signal).then(
        (data) => {
          if (controller.signal.aborted) return
          last = data
          setState({ data })
          schedule(nextDelay(data))
        },
        (error: unknown) => {
          if (controller.signal.aborted) return
          const fetchError = error instanceof FetchError
            ? error
            : new FetchError('http', 'Something went wrong while loading the data.')
          setState({ data: last, error: fetchError })
          schedule(isTransient(fetchError) ? nextDelay(last) : null)
        },
      )
    }

    setState({})
    poll()
    return () => {
      controller.abort()
      clearTimeout(timer)
    }
  }, [url, nextDelay])

  return state
}
