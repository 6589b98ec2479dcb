import { render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { pendingFetch, problemResponse } from '../common/testing'
import { JobProgress } from './JobProgress'
import { failed, job, processing, serve, succeeded, tick } from './testJobs'

const bar = () => screen.getByRole('progressbar')
const fill = () => bar().firstElementChild as HTMLElement
const badge = (label: string) => screen.getByText(label, { selector: '.badge' })

/** The value next to a term of the timings list. */
const detail = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling

describe('JobProgress', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime('2026-11-24T10:01:00Z')
  })

  afterEach(() => {
    vi.useRealTimers()
  })

  it('shows a loading state while the first request is pending', () => {
    const fetch = pendingFetch()
    render(<JobProgress jobId="0193/a" />)
    expect(screen.getByRole('status').textContent).toContain('Loading…')
    expect(fetch.mock.calls[0][0]).toBe('/api/v1/jobs/0193%2Fa')
  })

  it('shows the progress of a running job', async () => {
    serve(processing(42, 100))
    render(<JobProgress jobId="1" />)
    await tick()

    expect(screen.getByRole('heading').textContent).toBe('Housekeeping')
    expect(badge('Processing').className).toBe('badge text-bg-primary')
    expect(bar().getAttribute('aria-valuenow')).toBe('42')
    expect(bar().getAttribute('aria-valuetext')).toBe('42 of 100')
    expect(fill().className).toBe('progress-bar progress-bar-striped progress-bar-animated')
    expect(fill().style.width).toBe('42%')
    expect(screen.getByText('42 / 100')).toBeTruthy()
    expect(screen.getByText('42%')).toBeTruthy()
    expect(detail('Queued')?.textContent).toBe('2026-11-24 10:00:00 UTC')
    expect(detail('Started')?.textContent).toBe('2026-11-24 10:00:05 UTC')
    expect(detail('Started')?.querySelector('time')?.dateTime).toBe('2026-11-24T10:00:05Z')
    expect(detail('Finished')?.textContent).toBe('—')
    expect(detail('Duration')?.textContent).toBe('55 s so far')
    expect(detail('Attempts')?.textContent).toBe('1')
  })

  it('shows a full moving bar while the job runs without reporting progress', async () => {
    serve(processing(0, 1, { progress: null }))
    render(<JobProgress jobId="1" />)
    await tick()

    expect(bar().hasAttribute('aria-valuenow')).toBe(false) // indeterminate
    expect(fill().style.width).toBe('100%')
    expect(fill().className).toContain('progress-bar-animated')
    expect(screen.queryByText('%', { exact: false })).toBeNull()
  })

  it('polls every second until the job is finished, then stops', async () => {
    const fetch = serve(job(), processing(42, 100), succeeded('Deleted 12 job records and 3 notifications'))
    render(<JobProgress jobId="1" />)
    await tick()
    expect(badge('Enqueued').className).toContain('text-bg-secondary')
    expect(bar().getAttribute('aria-valuenow')).toBe('0')
    expect(detail('Started')?.textContent).toBe('—')

    await tick(1000)
    expect(screen.getByText('42 / 100')).toBeTruthy()

    await tick(1000)
    expect(badge('Succeeded').className).toContain('text-bg-success')
    expect(bar().getAttribute('aria-valuenow')).toBe('100')
    expect(fill().className).toBe('progress-bar bg-success')
    expect(screen.getByText('Deleted 12 job records and 3 notifications').className).toContain('alert-success')
    expect(detail('Finished')?.textContent).toBe('2026-11-24 10:00:47 UTC')
    expect(detail('Duration')?.textContent).toBe('42 s')
    expect(fetch).toHaveBeenCalledTimes(3)

    await tick(60_000)
    expect(fetch).toHaveBeenCalledTimes(3)
  })

  it('shows the error of a failed job in red', async () => {
    const fetch = serve(failed('java.net.ConnectException', 'Connection refused'))
    render(<JobProgress jobId="1" />)
    await tick()

    expect(badge('Failed').className).toContain('text-bg-danger')
    expect(fill().className).toBe('progress-bar bg-danger')
    expect(fill().style.width).toBe('42%') // as far as it got
    const failure = screen.getByText('java.net.ConnectException').closest('.alert')
    expect(failure?.className).toContain('alert-danger')
    expect(failure?.textContent).toContain('Failed: java.net.ConnectException')
    expect(failure?.textContent).toContain('Connection refused')
    await tick(5000)
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('shows when a failed attempt will be retried, and keeps polling', async () => {
    const fetch = serve(
      processing(30, 100, {
        state: 'SCHEDULED',
        nextAttemptAt: '2026-11-24T10:05:00Z',
        error: { type: 'java.net.ConnectException', message: 'Connection refused' },
      }),
    )
    render(<JobProgress jobId="1" />)
    await tick()

    expect(badge('Scheduled')).toBeTruthy()
    expect(screen.getByText('Retry 1 scheduled at', { exact: false }).textContent).toBe(
      'Retry 1 scheduled at 2026-11-24 10:05:00 UTC',
    )
    const failure = screen.getByText('java.net.ConnectException').closest('.alert')
    expect(failure?.className).toContain('alert-warning')
    expect(failure?.textContent).toContain('Last attempt failed')
    await tick(1000)
    expect(fetch).toHaveBeenCalledTimes(2)
  })

  it('keeps the last state on screen when a poll fails, and recovers', async () => {
    const fetch = serve(processing(42, 100), new TypeError('Failed to fetch'), processing(60, 100))
    render(<JobProgress jobId="1" />)
    await tick()

    await tick(1000)
    expect(screen.getByText('42 / 100')).toBeTruthy()
    expect(screen.getByRole('status').textContent).toBe('Could not refresh: Could not reach the server. Retrying…')

    await tick(1000)
    expect(screen.getByText('60 / 100')).toBeTruthy()
    expect(screen.queryByRole('status')).toBeNull()
    expect(fetch).toHaveBeenCalledTimes(3)
  })

  it('stops polling and asks to sign in again when the session expires', async () => {
    const fetch = serve(processing(42, 100), new Response(null, { status: 401 }))
    render(<JobProgress jobId="1" />)
    await tick()
    await tick(1000)

    expect(screen.getByText('42 / 100')).toBeTruthy()
    expect(screen.getByRole('status').textContent).toBe('Your session has expired. Sign in again to see updates.')
    expect(screen.getByRole('link', { name: 'Sign in again' }).getAttribute('href')).toBe('/login')
    await tick(10_000)
    expect(fetch).toHaveBeenCalledTimes(2)
  })

  it('shows the problem detail when the job cannot be loaded, without retrying', async () => {
    const fetch = serve(problemResponse(404, 'Job 7 not found.'))
    render(<JobProgress jobId="7" />)
    await tick()

    expect(screen.getByRole('alert').textContent).toBe('Job 7 not found.')
    await tick(10_000)
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('keeps trying to load the job while the server is unreachable', async () => {
    serve(new TypeError('Failed to fetch'), processing(42, 100))
    render(<JobProgress jobId="1" />)
    await tick()
    expect(screen.getByRole('alert').textContent).toBe('Could not reach the server.')

    await tick(1000)
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getByText('42 / 100')).toBeTruthy()
  })

  it('stops polling when unmounted', async () => {
    const fetch = serve(processing(42, 100))
    const { unmount } = render(<JobProgress jobId="1" />)
    await tick()
    unmount()
    await tick(5000)
    expect(fetch).toHaveBeenCalledTimes(1)
  })
})
