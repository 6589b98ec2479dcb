import { act } from '@testing-library/react'
import { vi } from 'vitest'
import { jsonResponse, mockFetch } from '../common/testing'
import type { JobView } from './types'

/** A job as the API sends it: enqueued at 10:00:00 UTC, not started yet. */
export function job(overrides: Partial<JobView> = {}): JobView {
  const id = overrides.id ?? '0193a5c2-7d1e-7f00-8c3b-5f2e9a4d1c01'
  return {
    id,
    task: 'housekeeping',
    title: 'Housekeeping',
    recurringJobId: 'housekeeping',
    state: 'ENQUEUED',
    finished: false,
    progress: null,
    createdAt: '2026-11-24T10:00:00Z',
    startedAt: null,
    finishedAt: null,
    nextAttemptAt: null,
    attempts: 0,
    result: null,
    error: null,
    statusUrl: `/api/v1/jobs/${id}`,
    ...overrides,
  }
}

/** Started at 10:00:05 and `done` of `total` items through. */
export function processing(done: number, total: number, overrides: Partial<JobView> = {}): JobView {
  return job({
    state: 'PROCESSING',
    startedAt: '2026-11-24T10:00:05Z',
    attempts: 1,
    progress: { done, total, percent: Math.round((done * 100) / total) },
    ...overrides,
  })
}

/** Ran from 10:00:05 to 10:00:47. */
export function succeeded(result: string | null, overrides: Partial<JobView> = {}): JobView {
  return processing(100, 100, { state: 'SUCCEEDED', finished: true, finishedAt: '2026-11-24T10:00:47Z', result, ...overrides })
}

export function failed(type: string, message: string | null, overrides: Partial<JobView> = {}): JobView {
  return processing(42, 100, {
    state: 'FAILED',
    finished: true,
    finishedAt: '2026-11-24T10:00:47Z',
    error: { type, message },
    ...overrides,
  })
}

/** Answers the polls in turn (a JSON body, a Response, or an Error to fail the request); the last answer repeats. */
export function serve(...answers: unknown[]) {
  let call = 0
  return mockFetch(() => {
    const answer = answers[Math.min(call++, answers.length - 1)]
    if (answer instanceof Error) return Promise.reject(answer)
    if (answer instanceof Response) return answer.clone()
    return jsonResponse(answer)
  })
}

/** Moves the fake clock on (see vi.useFakeTimers) and lets the polls it starts answer and render. */
export async function tick(ms = 0) {
  await act(() => vi.advanceTimersByTimeAsync(ms))
}
