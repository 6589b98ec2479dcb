import { render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { pendingFetch, problemResponse } from '../common/testing'
import { JobMonitor } from './JobMonitor'
import { failed, job, processing, serve, succeeded, tick } from './testJobs'
import type { JobView } from './types'

const list = (...jobs: JobView[]) => ({ jobs })

const running = processing(42, 100, { id: 'a1', title: 'Import prices' })
const done = succeeded('Deleted 12 job records and 3 notifications', { id: 'b2', createdAt: '2026-11-24T09:00:00Z' })
const broken = failed('java.net.ConnectException', 'Connection refused', { id: 'c3', title: 'Send reminders' })

/** The table row of the job with this title. */
const row = (title: string) => {
  const found = screen.getByRole('link', { name: title }).closest('tr')
  if (!found) throw new Error(`no row for "${title}"`)
  return found
}

describe('JobMonitor', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime('2026-11-24T10:01:00Z')
  })

  afterEach(() => {
    vi.useRealTimers()
  })

  it('shows a loading state while the first request is pending, asking for 20 jobs unless told', () => {
    const fetch = pendingFetch()
    const { unmount } = render(<JobMonitor />)
    expect(screen.getByRole('status').textContent).toContain('Loading…')
    expect(fetch.mock.calls[0][0]).toBe('/api/v1/jobs?limit=20')
    unmount()

    render(<JobMonitor limit={5} />)
    expect(fetch.mock.calls[1][0]).toBe('/api/v1/jobs?limit=5')
  })

  it('lists the jobs, most recent first, each linking to its page', async () => {
    serve(list(running, done, broken))
    render(<JobMonitor />)
    await tick()

    const table = screen.getByRole('table', { name: 'Recent background jobs' })
    const titles = within(table).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])
    expect(titles).toEqual([
      ['Import prices', '/admin/jobs/a1'],
      ['Housekeeping', '/admin/jobs/b2'],
      ['Send reminders', '/admin/jobs/c3'],
    ])
  })

  it('shows state, progress, age and duration of each job', async () => {
    serve(list(running, done, broken))
    render(<JobMonitor />)
    await tick()

    const cells = (title: string) => Array.from(row(title).cells, (cell) => cell.textContent)
    expect(cells('Import prices')).toEqual(['Import prices', 'Processing', '1 min ago', '55 s'])
    expect(cells('Send reminders')).toEqual(['Send remindersConnection refused', 'Failed', '1 min ago', '42 s'])

    expect(within(row('Import prices')).getByText('Processing').className).toBe('badge text-bg-primary')
    const bar = within(row('Import prices')).getByRole('progressbar', { name: 'Progress of Import prices' })
    expect(bar.getAttribute('aria-valuenow')).toBe('42')
    // only running jobs have a bar
    expect(within(row('Housekeeping')).queryByRole('progressbar')).toBeNull()
    expect(within(row('Housekeeping')).getByText('Succeeded').className).toContain('text-bg-success')

    const created = row('Housekeeping').querySelector('time')
    expect(created?.textContent).toBe('1 h ago')
    expect(created?.dateTime).toBe('2026-11-24T09:00:00Z')
    expect(created?.title).toBe('2026-11-24 09:00:00 UTC')
  })

  it('shows the result or error message on one line, the full text in its title', async () => {
    const retrying = job({ id: 'e5', title: 'Retrying job', state: 'SCHEDULED', error: { type: 'java.io.IOException', message: null } })
    serve(list(done, broken, job({ id: 'd4', title: 'Queued job' }), retrying))
    render(<JobMonitor />)
    await tick()

    const result = within(row('Housekeeping')).getByText('Deleted 12 job records and 3 notifications')
    expect(result.className).toContain('text-truncate')
    expect(result.title).toBe('Deleted 12 job records and 3 notifications')
    const error = within(row('Send reminders')).getByText('Connection refused')
    expect(error.className).toContain('text-danger')
    expect(error.title).toBe('Connection refused')
    expect(row('Queued job').cells[0].textContent).toBe('Queued job')
    // a retry may still succeed; without a message, the exception type
    expect(within(row('Retrying job')).getByText('java.io.IOException').className).toContain('text-warning-emphasis')
  })

  it('polls every 2 s while a job is unfinished, then every 10 s so that new jobs appear', async () => {
    const started = job({ id: 'e5', title: 'Rebuild index' })
    const finished = succeeded(null, { id: 'a1', title: 'Import prices' })
    const fetch = serve(list(running, done), list(finished, done), list(started, done))
    render(<JobMonitor />)
    await tick()

    await tick(2000)
    expect(fetch).toHaveBeenCalledTimes(2)
    expect(within(row('Import prices')).getByText('Succeeded')).toBeTruthy()

    await tick(9_999)
    expect(fetch).toHaveBeenCalledTimes(2)
    await tick(1)
    expect(fetch).toHaveBeenCalledTimes(3)
    expect(within(row('Rebuild index')).getByText('Enqueued')).toBeTruthy()

    await tick(2000) // busy again
    expect(fetch).toHaveBeenCalledTimes(4)
  })

  it('keeps the list on screen when a poll fails', async () => {
    serve(list(running), new TypeError('Failed to fetch'), list(running))
    render(<JobMonitor />)
    await tick()
    await tick(2000)

    expect(row('Import prices')).toBeTruthy()
    expect(screen.getByRole('status').textContent).toBe('Could not refresh: Could not reach the server. Retrying…')

    await tick(2000)
    expect(screen.queryByRole('status')).toBeNull()
  })

  it('says so when there are no jobs yet, and keeps looking', async () => {
    const fetch = serve(list(), list(running))
    render(<JobMonitor />)
    await tick()
    expect(screen.getByText('No jobs yet.').className).toContain('text-body-secondary')
    expect(screen.queryByRole('table')).toBeNull()

    await tick(10_000)
    expect(fetch).toHaveBeenCalledTimes(2)
    expect(row('Import prices')).toBeTruthy()
  })

  it('shows the problem detail when the list cannot be loaded', async () => {
    serve(problemResponse(403, 'Access denied.', 'Forbidden'))
    render(<JobMonitor />)
    await tick()
    expect(screen.getByRole('alert').textContent).toBe('Access denied.')
  })
})
