import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { jsonResponse, mockFetch } from '../common/testing'
import { POLL_MS, watchManifestProgress, type FirstDownload } from './manifestProgress'

const URL = '/api/v1/destiny/manifest/first-download'

function page(): Document {
  document.body.innerHTML = `
    <div id="manifest-progress" data-manifest-progress="${URL}">
      <p role="status">Waiting for a worker to download the Destiny manifest.</p>
      <div class="progress" role="progressbar" aria-valuenow="0"><div class="progress-bar" style="width: 0%"></div></div>
    </div>`
  return document
}

const text = () => document.querySelector('[role=status]')?.textContent
const bar = () => document.querySelector('[role=progressbar]')!
const fill = () => document.querySelector<HTMLElement>('.progress-bar')!

describe('the first-start page', () => {
  let answers: FirstDownload[]
  let stop: () => void = () => {}

  beforeEach(() => {
    vi.useFakeTimers()
    answers = []
    mockFetch(() => jsonResponse(answers.shift()))
  })

  afterEach(() => {
    stop()
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('moves the bar as the download goes, then reloads into the board once the manifest serves', async () => {
    const reload = vi.fn()
    stop = watchManifestProgress(page(), reload)
    answers.push({ serving: false, percent: 45, message: 'Downloading the Destiny manifest: 45 %' },
      { serving: false, percent: 86, message: 'Downloading the Destiny manifest: 86 %' },
      { serving: true, percent: 100, message: 'The Destiny manifest is in.' })

    await vi.advanceTimersByTimeAsync(POLL_MS)
    expect(text()).toBe('Downloading the Destiny manifest: 45 %')
    expect(bar().getAttribute('aria-valuenow')).toBe('45')
    expect(fill().style.width).toBe('45%')

    await vi.advanceTimersByTimeAsync(POLL_MS)
    expect(text()).toBe('Downloading the Destiny manifest: 86 %')
    expect(reload).not.toHaveBeenCalled()

    await vi.advanceTimersByTimeAsync(POLL_MS)
    expect(reload).toHaveBeenCalledOnce()
    await vi.advanceTimersByTimeAsync(5 * POLL_MS)
    expect(fetch).toHaveBeenCalledTimes(3) // no polling after the reload
  })

  it('shows a full moving bar while no download runs, and keeps polling through a failed request', async () => {
    const reload = vi.fn()
    stop = watchManifestProgress(page(), reload)
    answers.push({ serving: false, percent: null, message: 'The download failed; Tower tries again shortly.' })

    await vi.advanceTimersByTimeAsync(POLL_MS)
    expect(text()).toBe('The download failed; Tower tries again shortly.')
    expect(bar().hasAttribute('aria-valuenow')).toBe(false)
    expect(fill().style.width).toBe('100%')

    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('offline'))))
    await vi.advanceTimersByTimeAsync(POLL_MS)
    mockFetch(() => jsonResponse({ serving: true, percent: 100, message: 'in' }))
    await vi.advanceTimersByTimeAsync(POLL_MS)
    expect(reload).toHaveBeenCalledOnce()
  })

  it('does nothing on other pages', async () => {
    document.body.innerHTML = '<h1>Vault</h1>'
    stop = watchManifestProgress(document, vi.fn())
    await vi.advanceTimersByTimeAsync(3 * POLL_MS)
    expect(fetch).not.toHaveBeenCalled()
  })
})
