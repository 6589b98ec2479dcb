import { FetchError, fetchJson, postJson } from '../common/fetchJson'
import { factsOf, parseFilter } from './filter'

/**
 * The Destiny board's behaviour on the server-rendered pages: the instant filter, the item window, drag and drop
 * onto a character or the vault, and moves with their progress, after which the board is re-rendered in place.
 * Which moves an item's window offers is the server's word: each tile carries them in data-moves. The window's
 * stats, perks and masterwork are fetched when it opens (the board's profile does not carry them).
 */

interface Destination {
  id: string
  name: string
}

/** A tile's data-moves: "pull", "to:<vault or character id>", "equip:<character id>". */
interface Moves {
  pull: boolean
  to: string[]
  equip: string[]
}

interface MoveLine {
  step?: number
  of?: number
  text?: string
  done?: boolean
  message?: string
  error?: string
  where?: string | null
}

/** /api/v1/destiny/items/{key}: what the window shows beyond the tile. */
export interface ItemDetails {
  description: string
  stats: { hash: number; name: string; value: number; maximum: number; numeric: boolean; masterworkBonus: number }[]
  statsNote: string | null
  sockets: { name: string; plugs: Plug[] }[]
  socketsNote: string | null
  masterwork: Plug | null
  masterworked: boolean
}

interface Plug {
  hash: number
  name: string
  type: string
  description: string
  icon: string | null
  enabled: boolean
}

const BOARD = '[data-destiny-board]'
const FOCUSABLE = 'button:not([disabled]), [href], input, [tabindex]:not([tabindex="-1"])'
let query = ''
let menu: HTMLElement | null = null
/** The tile whose window is open: focus goes back to it when the window closes. */
let opener: HTMLElement | null = null
let loading: AbortController | null = null

export function initBoard(root: Document = document): void {
  const board = root.querySelector<HTMLElement>(BOARD)
  if (!board || board.dataset.boardReady) return
  board.dataset.boardReady = ''
  root.addEventListener('input', (event) => {
    const target = event.target as HTMLElement
    if (target.id === 'destiny-filter') {
      query = (target as HTMLInputElement).value
      applyFilter(root)
    }
  })
  root.addEventListener('click', (event) => {
    if ((event.target as HTMLElement).closest?.('[data-clear-filter]')) clearFilter(root)
    else onClick(root, event)
  })
  root.addEventListener('keydown', (event) => {
    if (menu && event.key === 'Escape') {
      event.preventDefault()
      closeMenu(true)
      return
    }
    if (menu && event.key === 'Tab') {
      trapFocus(root, event)
      return
    }
    const tile = (event.target as HTMLElement).closest?.<HTMLElement>(`${BOARD} .tile`)
    if (tile && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault()
      if (menu?.dataset.item === tile.dataset.item) closeMenu(true)
      else openMenu(root, tile)
    }
  })
  root.addEventListener('dragstart', (event) => {
    const tile = (event.target as HTMLElement).closest?.<HTMLElement>('.tile')
    if (!tile || !event.dataTransfer) return
    closeMenu()
    event.dataTransfer.setData('text/x-destiny-item', tile.dataset.item ?? '')
    event.dataTransfer.effectAllowed = 'move'
    tile.classList.add('is-dragging')
  })
  root.addEventListener('dragend', (event) => {
    ;(event.target as HTMLElement).classList?.remove('is-dragging')
    root.querySelectorAll('.drop-target-active').forEach((e) => e.classList.remove('drop-target-active'))
  })
  root.addEventListener('dragover', (event) => {
    const zone = dropZone(event.target)
    if (!zone || !event.dataTransfer?.types.includes('text/x-destiny-item')) return
    event.preventDefault()
    event.dataTransfer.dropEffect = 'move'
    root.querySelectorAll('.drop-target-active').forEach((e) => e !== zone && e.classList.remove('drop-target-active'))
    zone.classList.add('drop-target-active')
  })
  root.addEventListener('dragleave', (event) => {
    const zone = dropZone(event.target)
    if (zone && !zone.contains(event.relatedTarget as Node | null)) zone.classList.remove('drop-target-active')
  })
  root.addEventListener('drop', (event) => {
    const zone = dropZone(event.target)
    const key = event.dataTransfer?.getData('text/x-destiny-item')
    if (!zone || !key) return
    event.preventDefault()
    zone.classList.remove('drop-target-active')
    const tile = findTile(root, key)
    const to = zone.dataset.drop ?? ''
    const equip = zone.dataset.dropEquip === 'true'
    if (tile && (tile.dataset.owner !== to || equip)) void move(root, key, to, equip)
  })
  const saved = sessionStorage.getItem('destiny-filter')
  if (saved) {
    query = saved
    const input = root.getElementById('destiny-filter') as HTMLInputElement | null
    if (input) input.value = saved
  }
  applyFilter(root)
}

function dropZone(target: EventTarget | null): HTMLElement | null {
  return (target as HTMLElement | null)?.closest?.<HTMLElement>('[data-drop]') ?? null
}

function findTile(root: Document, key: string): HTMLElement | null {
  const escaped = typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(key) : key.replace(/["\\]/g, '\\$&')
  return root.querySelector<HTMLElement>(`.tile[data-item="${escaped}"]`)
}

export function applyFilter(root: Document = document): void {
  sessionStorage.setItem('destiny-filter', query)
  const matches = parseFilter(query)
  const filtering = query.trim() !== ''
  let shown = 0
  root.querySelectorAll<HTMLElement>(`${BOARD} .tile`).forEach((tile) => {
    const visible = matches(factsOf(tile))
    const holder = tile.parentElement?.classList.contains('postmaster-item') ? tile.parentElement : tile
    holder.classList.toggle('filtered-out', !visible)
    if (visible) shown++
  })
  root.querySelectorAll<HTMLElement>(`${BOARD} .bucket, ${BOARD} .slot-row, ${BOARD} .postmaster`).forEach((section) => {
    const any = section.querySelector('.tile:not(.filtered-out)') !== null
      && section.querySelector('.postmaster-item:not(.filtered-out), .tile:not(.filtered-out)') !== null
    section.classList.toggle('all-filtered', filtering && !any)
  })
  const count = root.getElementById('filter-shown')
  if (count) count.textContent = String(shown)
  const empty = root.getElementById('filter-empty')
  if (empty) empty.hidden = !(filtering && shown === 0)
}

function clearFilter(root: Document): void {
  query = ''
  const input = root.getElementById('destiny-filter') as HTMLInputElement | null
  if (input) {
    input.value = ''
    input.focus()
  }
  applyFilter(root)
}

function destinations(root: Document): Destination[] {
  return Array.from(root.querySelectorAll<HTMLElement>('.drop-strip .emblem-card[data-drop]')).map((e) => ({
    id: e.dataset.drop ?? '',
    name: e.dataset.dropName ?? '',
  }))
}

function movesOf(tile: HTMLElement): Moves {
  const tokens = (tile.dataset.moves ?? '').split(' ')
  const after = (prefix: string) => tokens.filter((t) => t.startsWith(prefix)).map((t) => t.slice(prefix.length))
  return { pull: tokens.includes('pull'), to: after('to:'), equip: after('equip:') }
}

function onClick(root: Document, event: Event): void {
  const target = event.target as HTMLElement
  const pull = target.closest<HTMLElement>('[data-pull]')
  if (pull) {
    closeMenu()
    void pullItem(root, pull.dataset.pull ?? '')
    return
  }
  const action = target.closest<HTMLElement>('[data-move-to]')
  if (action && menu?.contains(action)) {
    const key = menu.dataset.item ?? ''
    closeMenu()
    if (action.dataset.moveTo === 'pull') void pullItem(root, key)
    else void move(root, key, action.dataset.moveTo ?? '', action.dataset.equip === 'true')
    return
  }
  const tile = target.closest<HTMLElement>(`${BOARD} .tile`)
  if (tile) {
    event.preventDefault()
    if (menu?.dataset.item === tile.dataset.item) closeMenu()
    else openMenu(root, tile)
    return
  }
  if (target.closest('[data-close-window]')) closeMenu(true)
  else if (menu && !menu.contains(target)) closeMenu()
}

/** Tab and Shift+Tab go round the window's controls while it is open. */
function trapFocus(root: Document, event: KeyboardEvent): void {
  if (!menu) return
  const controls = Array.from(menu.querySelectorAll<HTMLElement>(FOCUSABLE))
  if (!controls.length) return
  const first = controls[0]
  const last = controls[controls.length - 1]
  const active = root.activeElement as HTMLElement | null
  if (!active || !menu.contains(active)) {
    event.preventDefault()
    first.focus()
  } else if (event.shiftKey && active === first) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && active === last) {
    event.preventDefault()
    first.focus()
  }
}

function openMenu(root: Document, tile: HTMLElement): void {
  closeMenu()
  const d = tile.dataset
  const el = root.createElement('div')
  el.className = 'item-menu'
  el.setAttribute('role', 'dialog')
  el.setAttribute('aria-modal', 'true')
  el.setAttribute('aria-labelledby', 'item-window-title')
  el.dataset.item = d.item
  const tierClass = Array.from(tile.classList).find((c) => c.startsWith('tier-')) ?? ''
  const head = div(root, `item-menu-head ${tierClass}`)
  const title = root.createElement('h2')
  title.className = 'item-menu-name'
  title.id = 'item-window-title'
  title.textContent = d.name ?? ''
  const close = root.createElement('button')
  close.type = 'button'
  close.className = 'item-window-close'
  close.dataset.closeWindow = ''
  close.setAttribute('aria-label', 'Close')
  close.textContent = '×'
  head.append(close, title, div(root, 'item-menu-type', `${d.tier ?? ''} ${d.type ?? ''}`))
  el.style.setProperty('--tier', getComputedStyle(tile).getPropertyValue('--tier'))
  const facts = div(root, 'item-menu-facts')
  if (Number(d.power) > 0) facts.append(fact(root, 'Power', d.power ?? ''))
  if (d.damage) facts.append(fact(root, 'Damage', d.damage))
  if (Number(d.quantity) > 1) facts.append(fact(root, 'Quantity', d.quantity ?? ''))
  facts.append(fact(root, 'Slot', d.bucket ?? ''))
  if (d.locked === 'true') facts.append(fact(root, 'Locked', 'yes'))
  if (d.equipped === 'true') facts.append(fact(root, 'Equipped', 'yes'))
  const actions = div(root, 'item-menu-actions')
  const chars = destinations(root)
  const moves = movesOf(tile)
  if (d.classified === 'true') {
    actions.append(div(root, 'menu-note', 'Classified: the manifest does not know this item yet, so it stays where it is.'))
  }
  if (moves.pull) {
    actions.append(row(root, 'Postmaster', [button(root, `Pull to ${nameOf(chars, d.owner ?? '')}`, 'pull', false, true)]))
  }
  if (moves.to.length) {
    const label = (id: string) => (id === 'vault' ? 'Vault' : nameOf(chars, id))
    actions.append(row(root, 'Move to', moves.to.map((id) => button(root, label(id), id, false))))
  } else if (d.classified !== 'true' && d.transferable !== 'true' && d.postmaster !== 'true') {
    actions.append(div(root, 'menu-note', 'Not transferable: it stays with this character.'))
  }
  if (moves.equip.length) {
    actions.append(row(root, 'Equip on', moves.equip.map((id) => button(root, nameOf(chars, id), id, true, true))))
  }
  const details = div(root, 'item-window-details')
  details.setAttribute('aria-live', 'polite')
  el.append(head, facts, actions, details)
  root.body.append(el)
  place(root, el, tile)
  menu = el
  opener = tile
  ;(actions.querySelector<HTMLElement>('button') ?? close).focus()
  if (d.classified !== 'true') void loadDetails(root, el, details, d.item ?? '')
}

/**
 * Beside the item, DIM style (to its right, or its left when there is no room), and always whole in the
 * viewport: the window scrolls inside when it is taller.
 */
function place(root: Document, win: HTMLElement, tile: HTMLElement): void {
  const rect = tile.getBoundingClientRect()
  const width = win.offsetWidth || 360
  const height = win.offsetHeight
  const viewWidth = root.documentElement.clientWidth || window.innerWidth
  const viewHeight = window.innerHeight
  const right = rect.right + 8
  const left = right + width <= viewWidth - 8 ? right : Math.max(8, rect.left - width - 8)
  win.style.left = `${left}px`
  win.style.top = `${Math.max(8, Math.min(rect.top, viewHeight - height - 8))}px`
}

function detailsUrl(root: Document, key: string): string {
  const base = root.querySelector<HTMLElement>(BOARD)?.dataset.details ?? '/api/v1/destiny/items'
  return `${base}/${encodeURIComponent(key)}`
}

async function loadDetails(root: Document, win: HTMLElement, holder: HTMLElement, key: string): Promise<void> {
  loading?.abort()
  const controller = new AbortController()
  loading = controller
  holder.append(div(root, 'menu-note', 'Loading stats and perks…'))
  holder.setAttribute('aria-busy', 'true')
  try {
    const details = await fetchJson<ItemDetails>(detailsUrl(root, key), controller.signal)
    if (menu !== win) return
    holder.replaceChildren(...renderDetails(root, details))
    if (opener) place(root, win, opener)
  } catch (e) {
    if (controller.signal.aborted || menu !== win) return
    holder.replaceChildren(div(root, 'menu-note', `Stats and perks could not be loaded: ${
      e instanceof Error ? e.message : 'no answer'}`))
  } finally {
    holder.removeAttribute('aria-busy')
  }
}

/** The description, the stats as bars (numbers for numeric ones), the perks and mods, and the masterwork. */
export function renderDetails(root: Document, details: ItemDetails): HTMLElement[] {
  const parts: HTMLElement[] = []
  if (details.description) parts.push(div(root, 'item-window-description', details.description))
  if (details.stats.length) {
    const table = div(root, 'item-stats')
    for (const stat of details.stats) {
      const line = div(root, 'item-stat')
      line.dataset.stat = stat.name
      line.append(div(root, 'item-stat-name', stat.name))
      if (stat.numeric) {
        line.append(div(root, 'item-stat-number', String(stat.value)))
      } else {
        const bar = div(root, 'item-stat-bar')
        bar.setAttribute('role', 'meter')
        bar.setAttribute('aria-label', stat.name)
        bar.setAttribute('aria-valuenow', String(stat.value))
        bar.setAttribute('aria-valuemin', '0')
        bar.setAttribute('aria-valuemax', String(stat.maximum))
        const base = Math.max(0, stat.value - stat.masterworkBonus)
        const fill = div(root, 'item-stat-fill')
        fill.style.width = `${percent(base, stat.maximum)}%`
        bar.append(fill)
        if (stat.masterworkBonus > 0) {
          const bonus = div(root, 'item-stat-masterwork')
          bonus.style.width = `${percent(stat.value, stat.maximum) - percent(base, stat.maximum)}%`
          bar.append(bonus)
        }
        line.append(bar, div(root, 'item-stat-value', String(stat.value)))
      }
      table.append(line)
    }
    parts.push(section(root, 'Stats', table))
  } else if (details.statsNote) {
    parts.push(section(root, 'Stats', div(root, 'menu-note', `Stats: ${details.statsNote}.`)))
  }
  for (const group of details.sockets) {
    const list = root.createElement('ul')
    list.className = 'item-plugs'
    group.plugs.forEach((plug) => list.append(plugItem(root, plug)))
    parts.push(section(root, group.name, list))
  }
  if (!details.sockets.length && details.socketsNote) {
    parts.push(section(root, 'Perks and mods', div(root, 'menu-note', `Perks and mods: ${details.socketsNote}.`)))
  }
  if (details.masterwork || details.masterworked) {
    const list = root.createElement('ul')
    list.className = 'item-plugs'
    if (details.masterwork) list.append(plugItem(root, details.masterwork))
    else list.append(plugItem(root, { hash: 0, name: 'Masterworked', type: '', description: '', icon: null, enabled: true }))
    const holder = section(root, 'Masterwork', list)
    holder.classList.toggle('is-masterworked', details.masterworked)
    parts.push(holder)
  }
  return parts
}

function percent(value: number, maximum: number): number {
  return maximum > 0 ? Math.max(0, Math.min(100, Math.round((100 * value) / maximum))) : 0
}

function section(root: Document, title: string, body: HTMLElement): HTMLElement {
  const el = root.createElement('section')
  el.className = 'item-window-section'
  const heading = root.createElement('h3')
  heading.textContent = title
  el.append(heading, body)
  return el
}

function plugItem(root: Document, plug: Plug): HTMLElement {
  const item = root.createElement('li')
  item.className = plug.enabled ? 'item-plug' : 'item-plug is-disabled'
  if (plug.icon) {
    const icon = root.createElement('img')
    icon.src = plug.icon
    icon.alt = ''
    icon.width = 32
    icon.height = 32
    item.append(icon)
  }
  const text = div(root, 'item-plug-text')
  text.append(div(root, 'item-plug-name', plug.name))
  if (plug.description) text.append(div(root, 'item-plug-description', plug.description))
  item.append(text)
  return item
}

function nameOf(chars: Destination[], id: string): string {
  return chars.find((c) => c.id === id)?.name ?? 'character'
}

function div(root: Document, className: string, text?: string): HTMLDivElement {
  const el = root.createElement('div')
  el.className = className
  if (text !== undefined) el.textContent = text
  return el
}

function fact(root: Document, label: string, value: string): HTMLElement {
  const el = root.createElement('span')
  el.append(`${label} `)
  const strong = root.createElement('strong')
  strong.textContent = value
  el.append(strong)
  return el
}

function row(root: Document, label: string, buttons: HTMLElement[]): HTMLElement {
  const wrap = root.createElement('div')
  wrap.append(div(root, 'menu-label', label))
  const line = div(root, 'row-buttons')
  line.append(...buttons)
  wrap.append(line)
  return wrap
}

function button(root: Document, text: string, to: string, equip: boolean, primary = false): HTMLElement {
  const el = root.createElement('button')
  el.type = 'button'
  el.className = primary ? 'action primary' : 'action'
  el.textContent = text
  el.dataset.moveTo = to
  el.dataset.equip = String(equip)
  el.setAttribute('aria-label', `${to === 'pull' ? text : (equip ? 'Equip on ' : 'Move to ') + text}`)
  return el
}

/** Closes the window; with {@code restoreFocus}, focus goes back to the item it opened from. */
function closeMenu(restoreFocus = false): void {
  loading?.abort()
  loading = null
  const tile = opener
  menu?.remove()
  menu = null
  opener = null
  if (restoreFocus && tile?.isConnected) tile.focus()
}

function actionsUrl(root: Document, action: string): string {
  const base = root.querySelector<HTMLElement>(BOARD)?.dataset.actions ?? '/destiny/items'
  return `${base}/${action}`
}

export async function move(root: Document, key: string, to: string, equip: boolean): Promise<void> {
  await act(root, key, 'move', { item: key, to, equip })
}

async function pullItem(root: Document, key: string): Promise<void> {
  await act(root, key, 'pull', { item: key })
}

async function act(root: Document, key: string, action: string, body: object): Promise<void> {
  const tile = findTile(root, key)
  const name = tile?.dataset.name ?? 'Item'
  tile?.classList.add('is-moving')
  const toast = showToast(root, `${name}: starting…`)
  let ended: MoveLine | null = null
  try {
    const response = await postJson(actionsUrl(root, action), body, 'application/x-ndjson', root)
    if (response.body) {
      for await (const line of lines(response.body)) {
        if (line.step !== undefined) toast.update(`${line.text}… ${line.step}/${line.of}`)
        if (line.done || line.error) ended = line
      }
    }
  } catch (e) {
    // a refusal before the move started says why; a lost answer may have left the move half done
    ended = { error: e instanceof FetchError && e.kind !== 'network' ? e.message
      : 'Tower did not answer: the move may or may not have happened. Reload to see where things are.' }
  }
  if (ended?.done) toast.finish('success', ended.message ?? 'Done.')
  else toast.finish('failure', ended?.error ?? 'The move ended without an answer. Reload to see where things are.')
  await refresh(root)
  // when the board could not be fetched again, the old tile stays: it must not stay greyed out and unclickable
  tile?.classList.remove('is-moving')
  // focus goes back to the item, wherever the board shows it now
  if (!root.activeElement || root.activeElement === root.body) findTile(root, key)?.focus()
}

/** The JSON lines of a streamed answer (application/x-ndjson), as they arrive. */
export async function* lines<T = MoveLine>(body: ReadableStream<Uint8Array>): AsyncGenerator<T> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (value) buffer += decoder.decode(value, { stream: true })
    let newline = buffer.indexOf('\n')
    while (newline >= 0) {
      const text = buffer.slice(0, newline).trim()
      buffer = buffer.slice(newline + 1)
      if (text) yield JSON.parse(text) as T
      newline = buffer.indexOf('\n')
    }
    if (done) break
  }
  if (buffer.trim()) yield JSON.parse(buffer) as T
}

/** Re-renders the board from the server, keeping the filter. */
export async function refresh(root: Document): Promise<void> {
  const board = root.querySelector<HTMLElement>(BOARD)
  if (!board) return
  try {
    const response = await fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
    if (!response.ok) return
    const page = new DOMParser().parseFromString(await response.text(), 'text/html')
    const fresh = page.querySelector<HTMLElement>(BOARD)
    if (!fresh) return
    const focused = root.activeElement?.id
    board.innerHTML = fresh.innerHTML
    const input = root.getElementById('destiny-filter') as HTMLInputElement | null
    if (input) {
      input.value = query
      if (focused === 'destiny-filter') input.focus()
    }
    applyFilter(root)
    board.dispatchEvent(new CustomEvent('destiny:refreshed', { bubbles: true }))
  } catch {
    // the next page view shows the board as it is
  }
}

interface Toast {
  update(text: string): void
  finish(kind: 'success' | 'failure', text: string): void
}

function showToast(root: Document, text: string): Toast {
  const holder = root.getElementById('move-toasts') ?? root.body
  const el = div(root, 'move-toast')
  el.setAttribute('role', 'status')
  const spinner = div(root, 'spinner-border')
  spinner.setAttribute('aria-hidden', 'true')
  const label = root.createElement('span')
  label.className = 'toast-text'
  label.textContent = text
  el.append(spinner, label)
  holder.append(el)
  return {
    update(next) {
      label.textContent = next
    },
    finish(kind, message) {
      el.classList.add(kind)
      el.dataset.outcome = kind
      const icon = root.createElement('i')
      icon.className = kind === 'success' ? 'bi bi-check-circle-fill text-success' : 'bi bi-exclamation-triangle-fill text-danger'
      spinner.replaceWith(icon)
      label.textContent = message
      const close = root.createElement('button')
      close.className = 'toast-close'
      close.type = 'button'
      close.setAttribute('aria-label', 'Dismiss')
      close.textContent = '×'
      close.addEventListener('click', () => el.remove())
      el.append(close)
      if (kind === 'success') setTimeout(() => el.remove(), 6000)
    },
  }
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => initBoard(), { once: true })
  } else {
    initBoard()
  }
}
