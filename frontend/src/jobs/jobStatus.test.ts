import { describe, expect, it } from 'vitest'
import { FetchError } from '../common/fetchJson'
import {
  isTransient,
  jobPollDelay,
  monitorPollDelay,
  progressBar,
  stateBadgeClass,
  stateLabel,
} from './jobStatus'
import { failed, job, processing, succeeded } from './testJobs'
import type { JobState } from './types'

describe('stateBadgeClass', () => {
  it.each<[JobState, string]>([
    ['SUCCEEDED', 'text-bg-success'],
    ['FAILED', 'text-bg-danger'],
    ['PROCESSING', 'text-bg-primary'],
    ['ENQUEUED', 'text-bg-secondary'],
    ['SCHEDULED', 'text-bg-secondary'],
    ['AWAITING', 'text-bg-secondary'],
    ['DELETED', 'text-bg-dark'],
  ])('colours %s as %s', (state, expected) => {
    expect(stateBadgeClass(state)).toBe(expected)
  })

  it('greys out a state it does not know yet', () => {
    expect(stateBadgeClass('PAUSED' as JobState)).toBe('text-bg-secondary')
  })
})

describe('stateLabel', () => {
  it('capitalizes the state', () => {
    expect(stateLabel('PROCESSING')).toBe('Processing')
    expect(stateLabel('ENQUEUED')).toBe('Enqueued')
  })
})

describe('progressBar', () => {
  it('moves while processing, and reads out done of total', () => {
    expect(progressBar(processing(1234, 10_000))).toEqual({
      percent: 12,
      className: 'progress-bar-striped progress-bar-animated',
      valueText: '1,234 of 10,000',
    })
  })

  it('is indeterminate while processing without progress', () => {
    expect(progressBar(processing(0, 1, { progress: null }))).toEqual({
      percent: undefined,
      className: 'progress-bar-striped progress-bar-animated',
      valueText: undefined,
    })
  })

  it('is full and green on success, even without progress', () => {
    expect(progressBar(succeeded('Done', { progress: null }))).toEqual({ percent: 100, className: 'bg-success' })
  })

  it('is red on failure: as far as the job got, else full', () => {
    expect(progressBar(failed('E', null))).toMatchObject({ percent: 42, className: 'bg-danger' })
    expect(progressBar(failed('E', null, { progress: null }))).toMatchObject({ percent: 100, className: 'bg-danger' })
  })

  it('is grey and empty while waiting, keeping the progress of an earlier attempt', () => {
    expect(progressBar(job())).toMatchObject({ percent: 0, className: 'bg-secondary' })
    expect(progressBar(processing(30, 100, { state: 'SCHEDULED' }))).toMatchObject({ percent: 30, className: 'bg-secondary' })
    expect(progressBar(job({ state: 'DELETED', finished: true }))).toMatchObject({ percent: 0, className: 'bg-dark' })
  })

  it('keeps the percentage between 0 and 100', () => {
    const withPercent = (percent: number) => processing(0, 1, { progress: { done: 0, total: 1, percent } })
    expect(progressBar(withPercent(130)).percent).toBe(100)
    expect(progressBar(withPercent(-5)).percent).toBe(0)
    expect(progressBar(withPercent(33.4)).percent).toBe(33)
    expect(progressBar(withPercent(NaN)).percent).toBe(0)
  })
})

describe('jobPollDelay', () => {
  it('polls every second until the job is finished', () => {
    expect(jobPollDelay(undefined)).toBe(1000)
    expect(jobPollDelay(job())).toBe(1000)
    expect(jobPollDelay(processing(1, 2))).toBe(1000)
    expect(jobPollDelay(succeeded(null))).toBeNull()
    expect(jobPollDelay(failed('E', null))).toBeNull()
  })
})

describe('monitorPollDelay', () => {
  it('polls every 2 s while a listed job is unfinished', () => {
    expect(monitorPollDelay(undefined)).toBe(2000)
    expect(monitorPollDelay({ jobs: [succeeded(null), job({ state: 'SCHEDULED' })] })).toBe(2000)
  })

  it('polls every 10 s when every job is finished, so that new ones appear', () => {
    expect(monitorPollDelay({ jobs: [succeeded(null), failed('E', null)] })).toBe(10_000)
    expect(monitorPollDelay({ jobs: [] })).toBe(10_000)
  })
})

describe('isTransient', () => {
  it('retries network failures, server errors and "try later" answers', () => {
    expect(isTransient(new FetchError('network', 'Could not reach the server.'))).toBe(true)
    expect(isTransient(new FetchError('http', 'Bad Gateway', 502))).toBe(true)
    expect(isTransient(new FetchError('http', 'Too Many Requests', 429))).toBe(true)
    expect(isTransient(new FetchError('http', 'Unexpected response from the server.', 200))).toBe(true)
  })

  it('gives up on an expired session and on refused requests', () => {
    expect(isTransient(new FetchError('session', 'Your session has expired.', 401))).toBe(false)
    expect(isTransient(new FetchError('http', 'Job 7 not found.', 404))).toBe(false)
    expect(isTransient(new FetchError('http', 'Forbidden', 403))).toBe(false)
  })
})
