import { useEffect, useState } from 'react'
import { FetchError, fetchJson } from './fetchJson'

export interface JsonState<T> {
  /** The latest successful response; kept while a new URL loads. */
  data?: T
  error?: FetchError
  loading: boolean
}

/** Fetches `url` as JSON and refetches whenever it changes. */
export function useJson<T>(url: string): JsonState<T> {
  const [state, setState] = useState<JsonState<T>>({ loading: true })

  useEffect(() => {
    const controller = new AbortController()
    setState((previous) => ({ data: previous.data, loading: true }))
    fetchJson<T>(url, controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, loading: false })
      },
      (error: unknown) => {
        if (controller.signal.aborted) return
        setState({
          loading: false,
          error: error instanceof FetchError
            ? error
            : new FetchError('http', 'Something went wrong while loading the data.'),
        })
      },
    )
    return () => controller.abort()
  }, [url])

  return state
}
