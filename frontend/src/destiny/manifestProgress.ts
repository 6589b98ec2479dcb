import { FetchError, fetchJson } from '../common/fetchJson'

/**
 * The board's first-start page: polls the first manifest download's progress, moves the bar, and reloads into the
 * board once a manifest serves. Not an island: it animates the server-rendered page (the CSP allows no inline script).
 */

/** GET /api/v1/destiny/manifest/first-download. */
export interface FirstDownload {
  serving: boolean
  percent: number | null
  message: string
}

export const POLL_MS = 1000

export function watchManifestProgress(root: Document = document, reload = () => root.location.reload()): () => void {
  const card = root.querySelector<HTMLElement>('[data-manifest-progress]')
  const url = card?.dataset.manifestProgress
  if (!card || !url) return () => {}
  const text = card.querySelector<HTMLElement>('[role=status]')
  const bar = card.querySelector<HTMLElement>('[role=progressbar]')
  const fill = bar?.querySelector<HTMLElement>('.progress-bar')
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false

  const show = (download: FirstDownload) => {
    if (text) text.textContent = download.message
    if (download.percent === null) bar?.removeAttribute('aria-valuenow')
    else bar?.setAttribute('aria-valuenow', String(download.percent))
    if (fill) fill.style.width = `${download.percent ?? 100}%`
  }

  const poll = async () => {
    try {
      const download = await fetchJson<FirstDownload>(url)
      if (stopped) return
      if (download.serving) {
        reload()
        return
      }
      show(download)
    } catch (e) {
      if (e instanceof FetchError && e.kind === 'session') {
        reload() // to the sign-in page
        return
      }
      // a blip: the next poll tries again
    }
    if (!stopped) timer = setTimeout(() => void poll(), POLL_MS)
  }
  timer = setTimeout(() => void poll(), POLL_MS)
  return () => {
    stopped = true
    clearTimeout(timer)
  }
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => watchManifestProgress(), { once: true })
  } else {
    watchManifestProgress()
  }
}
