import { afterEach, describe, expect, it, vi } from 'vitest'
import { initBoard } from './board'

const TITAN = '2305843009301234561'
const HUNTER = '2305843009301234562'

function tile(attrs: Record<string, string>): string {
  const data = {
    owner: 'vault', type: 'Hand Cannon', tier: 'Legendary', bucket: 'Kinetic Weapons', 'class-type': '3', power: '2000',
    damage: 'Kinetic', quantity: '1', locked: 'false', equipped: 'false', transferable: 'true', postmaster: 'false',
    classified: 'false', moves: '', ...attrs,
  }
  const attributes = Object.entries(data).map(([k, v]) => `data-${k}="${v}"`).join(' ')
  return `<div role="button" tabindex="0" class="tile tier-${data.tier.toLowerCase()}" ${attributes}>${attrs.name ?? ""}</div>`
}

function board(tiles: string): string {
  return `
  <div id="destiny-board" data-destiny-board data-actions="/destiny/items">
    <div class="drop-strip">
      <a class="emblem-card" data-drop="${TITAN}" data-drop-name="Titan">Titan</a>
      <a class="emblem-card" data-drop="${HUNTER}" data-drop-name="Hunter">Hunter</a>
      <a class="vault-card" data-drop="vault" data-drop-name="the vault">Vault</a>
    </div>
    <input id="destiny-filter" type="search"><span id="filter-shown"></span>
    <p id="filter-empty" hidden>No item matches this filter. <button data-clear-filter>Clear the filter</button></p>
    <section class="bucket" id="weapons"><div class="tiles" data-drop="vault">${tiles}</div></section>
  </div>
  <div id="move-toasts"></div>`
}

// data-moves as the server renders them: a Titan helmet is equipped on the Titan only
const TILES = [
  tile({ item: '1001', name: 'The Last Lantern', tier: 'Exotic',
    moves: `to:${TITAN} to:${HUNTER} equip:${TITAN} equip:${HUNTER}` }),
  tile({ item: '1002', name: 'Veritas Helm', type: 'Helmet', bucket: 'Helmet', 'class-type': '0', damage: '',
    moves: `to:${TITAN} to:${HUNTER} equip:${TITAN}` }),
  tile({ item: '1003', name: 'Classified', tier: 'Classified', classified: 'true' }),
  tile({ item: '1004', name: 'Sealed Vanguard Orders', owner: HUNTER, postmaster: 'true', transferable: 'false',
    moves: 'pull' }),
  tile({ item: '1005', name: 'Heirloom', owner: HUNTER, transferable: 'false', moves: `equip:${HUNTER}` }),
].join('')

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('board')
  doc.head.innerHTML = '<meta name="_csrf_header" content="X-CSRF-TOKEN"><meta name="_csrf" content="token-1">'
  doc.body.innerHTML = html
  sessionStorage.clear()
  initBoard(doc)
  return doc
}

function visible(doc: Document): string[] {
  return Array.from(doc.querySelectorAll<HTMLElement>('.tile:not(.filtered-out)')).map((t) => t.dataset.name ?? '')
}

function typeFilter(doc: Document, text: string) {
  const input = doc.getElementById('destiny-filter') as HTMLInputElement
  input.value = text
  input.dispatchEvent(new Event('input', { bubbles: true }))
}

function menuButtons(doc: Document): string[] {
  return Array.from(doc.querySelectorAll('.item-menu-actions button')).map((b) => b.getAttribute('aria-label') ?? '')
}

const NO_DETAILS = { description: '', stats: [], statsNote: null, sockets: [], socketsNote: null, masterwork: null,
  masterworked: false }

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

/** fetch as the board sees it: the item window's details by URL, everything else in the order given. */
function stubFetch(...answers: Response[]) {
  const fetch = vi.fn((url: string) => Promise.resolve(url.startsWith('/api/v1/destiny/items/') ? json(NO_DETAILS)
    : answers.shift() ?? new Response('', { status: 500 })))
  vi.stubGlobal('fetch', fetch)
  return fetch
}

function posts(fetch: ReturnType<typeof stubFetch>) {
  return fetch.mock.calls.filter(([url]) => !String(url).startsWith('/api/v1/destiny/items/'))
}

afterEach(() => document.querySelectorAll('.item-menu').forEach((m) => m.remove()))

describe('the Destiny board', () => {
  it('filters tiles as you type, counts them and hides empty buckets', () => {
    const doc = page(board(TILES))
    expect(visible(doc)).toHaveLength(5)
    typeFilter(doc, 'is:exotic')
    expect(visible(doc)).toEqual(['The Last Lantern'])
    expect(doc.getElementById('filter-shown')?.textContent).toBe('1')
    expect(doc.getElementById('filter-empty')?.hidden).toBe(true)
    typeFilter(doc, 'nothing matches this')
    expect(doc.querySelector('.bucket')?.classList.contains('all-filtered')).toBe(true)
    expect(doc.getElementById('filter-empty')?.hidden).toBe(false)
    typeFilter(doc, '')
    expect(visible(doc)).toHaveLength(5)
    expect(doc.getElementById('filter-empty')?.hidden).toBe(true)
  })

  it('says when nothing matches and clears the filter on request', () => {
    const doc = page(board(TILES))
    typeFilter(doc, 'nothing matches this')
    expect(visible(doc)).toHaveLength(0)

    ;(doc.querySelector('[data-clear-filter]') as HTMLElement).click()

    expect(visible(doc)).toHaveLength(5)
    expect((doc.getElementById('destiny-filter') as HTMLInputElement).value).toBe('')
    expect(doc.getElementById('filter-empty')?.hidden).toBe(true)
  })

  it('offers the moves the tile carries, named after the characters', () => {
    stubFetch()
    const doc = page(board(TILES))
    ;(doc.querySelector('[data-item="1002"]') as HTMLElement).click()
    expect(menuButtons(doc)).toEqual(['Move to Titan', 'Move to Hunter', 'Equip on Titan'])
    ;(doc.querySelector('[data-item="1003"]') as HTMLElement).click()
    expect(menuButtons(doc)).toEqual([])
    expect(doc.querySelector('.item-menu')?.textContent).toContain('Classified')
    ;(doc.querySelector('[data-item="1004"]') as HTMLElement).click()
    expect(menuButtons(doc)).toEqual(['Pull to Hunter'])
    expect(doc.querySelector('.item-menu')?.textContent).not.toContain('Not transferable')
    ;(doc.querySelector('[data-item="1005"]') as HTMLElement).click()
    expect(menuButtons(doc)).toEqual(['Equip on Hunter'])
    expect(doc.querySelector('.item-menu')?.textContent).toContain('Not transferable: it stays with this character.')
  })

  it('moves an item, shows each hop and then the result, and re-renders the board in place', async () => {
    const doc = page(board(TILES))
    const after = board(TILES.replace('data-owner="vault" data-type="Hand Cannon" data-tier="Exotic"',
      `data-owner="${HUNTER}" data-type="Hand Cannon" data-tier="Exotic"`))
    const lines = [
      '{"step":1,"of":1,"text":"Moving The Last Lantern to Hunter"}\n',
      '{"done":true,"message":"Moved The Last Lantern to Hunter.","where":"on Hunter"}\n',
    ]
    const fetch = stubFetch(new Response(new ReadableStream({
      start(controller) {
        lines.forEach((line) => controller.enqueue(new TextEncoder().encode(line)))
        controller.close()
      },
    }), { status: 200, headers: { 'Content-Type': 'application/x-ndjson' } }),
    new Response(`<html><body>${after}</body></html>`, { status: 200 }))

    ;(doc.querySelector('[data-item="1001"]') as HTMLElement).click()
    ;(doc.querySelector('.item-menu button[aria-label="Move to Hunter"]') as HTMLElement).click()

    await vi.waitFor(() => expect(doc.querySelector('.move-toast')?.getAttribute('data-outcome')).toBe('success'))
    expect(doc.querySelector('.move-toast')?.textContent).toContain('Moved The Last Lantern to Hunter.')
    const [url, request] = posts(fetch)[0] as unknown as [string, RequestInit & { headers: Record<string, string> }]
    expect(url).toBe('/destiny/items/move')
    expect(request.headers['X-CSRF-TOKEN']).toBe('token-1')
    expect(JSON.parse(String(request.body))).toEqual({ item: '1001', to: HUNTER, equip: false })
    await vi.waitFor(() => expect(doc.querySelector<HTMLElement>('[data-item="1001"]')?.dataset.owner).toBe(HUNTER))
  })

  it('shows a refusal in words when the move cannot start', async () => {
    const doc = page(board(TILES))
    stubFetch(new Response(JSON.stringify({ detail: 'That item is no longer on the board.' }),
      { status: 404, headers: { 'Content-Type': 'application/problem+json' } }),
    new Response('<html></html>', { status: 200 }))
    ;(doc.querySelector('[data-item="1002"]') as HTMLElement).click()
    ;(doc.querySelector('.item-menu button[aria-label="Equip on Titan"]') as HTMLElement).click()
    await vi.waitFor(() => expect(doc.querySelector('.move-toast')?.getAttribute('data-outcome')).toBe('failure'))
    expect(doc.querySelector('.move-toast')?.textContent).toContain('That item is no longer on the board.')
    // the page could not be re-rendered (no board in the answer): the tile is usable again all the same
    await vi.waitFor(() => expect(doc.querySelector('[data-item="1002"]')?.classList.contains('is-moving')).toBe(false))
  })
})

const WEAPON_DETAILS = {
  description: 'A well-rounded, reliable weapon.',
  stats: [
    { hash: 4043523819, name: 'Impact', value: 84, maximum: 100, numeric: false, masterworkBonus: 0 },
    { hash: 943549884, name: 'Handling', value: 60, maximum: 100, numeric: false, masterworkBonus: 10 },
    { hash: 4284893193, name: 'Rounds Per Minute', value: 140, maximum: 100, numeric: true, masterworkBonus: 0 },
  ],
  statsNote: null,
  sockets: [{ name: 'Weapon perks', plugs: [
    { hash: 1, name: 'Outlaw', type: 'Trait', description: 'Precision kills greatly decrease reload time.',
      icon: '/assets/destiny/icons/perk.svg', enabled: true },
    { hash: 2, name: 'Rampage', type: 'Trait', description: 'Kills grant increased damage.', icon: null, enabled: false },
  ] }],
  socketsNote: null,
  masterwork: { hash: 3, name: 'Masterworked: Handling', type: 'Masterwork', description: 'Handling +10.',
    icon: null, enabled: true },
  masterworked: true,
}

function pressKey(target: Element, key: string, shiftKey = false) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, cancelable: true }))
}

describe('the item window', () => {
  it('is a labelled dialog that fetches and shows the stats, perks and masterwork', async () => {
    const fetch = vi.fn(() => Promise.resolve(json(WEAPON_DETAILS)))
    vi.stubGlobal('fetch', fetch)
    const doc = page(board(TILES))

    ;(doc.querySelector('[data-item="1001"]') as HTMLElement).click()

    const win = doc.querySelector('.item-menu') as HTMLElement
    expect(win.getAttribute('role')).toBe('dialog')
    expect(win.getAttribute('aria-modal')).toBe('true')
    expect(doc.getElementById(win.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('The Last Lantern')
    await vi.waitFor(() => expect(win.querySelector('.item-stats')).not.toBeNull())
    expect(fetch.mock.calls[0]).toEqual(['/api/v1/destiny/items/1001', expect.anything()])
    expect(win.querySelector('.item-window-description')?.textContent).toBe('A well-rounded, reliable weapon.')
    const impact = win.querySelector('[data-stat="Impact"] [role="meter"]') as HTMLElement
    expect(impact.getAttribute('aria-valuenow')).toBe('84')
    expect((impact.querySelector('.item-stat-fill') as HTMLElement).style.width).toBe('84%')
    // the masterwork's part of a bar is drawn apart
    const handling = win.querySelector('[data-stat="Handling"]') as HTMLElement
    expect((handling.querySelector('.item-stat-fill') as HTMLElement).style.width).toBe('50%')
    expect((handling.querySelector('.item-stat-masterwork') as HTMLElement).style.width).toBe('10%')
    expect(win.querySelector('[data-stat="Rounds Per Minute"] .item-stat-number')?.textContent).toBe('140')
    const sections = Array.from(win.querySelectorAll('.item-window-section h3')).map((h) => h.textContent)
    expect(sections).toEqual(['Stats', 'Weapon perks', 'Masterwork'])
    expect(Array.from(win.querySelectorAll('.item-plug-name')).map((p) => p.textContent))
      .toEqual(['Outlaw', 'Rampage', 'Masterworked: Handling'])
    expect(win.querySelector('.item-plug.is-disabled .item-plug-name')?.textContent).toBe('Rampage')
    expect(win.querySelector('.item-plug img')?.getAttribute('src')).toBe('/assets/destiny/icons/perk.svg')
  })

  it('opens from the keyboard, keeps focus inside, and gives it back to the item on Escape', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(json(WEAPON_DETAILS))))
    // jsdom moves focus in the window's own document only
    const doc = document
    doc.body.innerHTML = board(TILES)
    initBoard(doc)
    const tile = doc.querySelector('[data-item="1002"]') as HTMLElement
    tile.focus()

    pressKey(tile, 'Enter')

    const win = doc.querySelector('.item-menu') as HTMLElement
    expect(win).not.toBeNull()
    expect(win.contains(doc.activeElement)).toBe(true)
    const controls = Array.from(win.querySelectorAll<HTMLElement>('button'))
    const first = controls[0]
    const last = controls[controls.length - 1]
    last.focus()
    pressKey(last, 'Tab')
    expect(doc.activeElement).toBe(first)
    pressKey(first, 'Tab', true)
    expect(doc.activeElement).toBe(last)

    pressKey(last, 'Escape')

    expect(doc.querySelector('.item-menu')).toBeNull()
    expect(doc.activeElement).toBe(tile)
    pressKey(tile, ' ')
    expect(doc.querySelector('.item-menu')).not.toBeNull()
    ;(doc.querySelector('[data-close-window]') as HTMLElement).click()
    expect(doc.querySelector('.item-menu')).toBeNull()
    expect(doc.activeElement).toBe(tile)
  })

  it('says what the privacy settings hide, and why details could not be loaded', async () => {
    vi.stubGlobal('fetch', vi.fn()
      .mockResolvedValueOnce(json({ ...NO_DETAILS, statsNote: "hidden by the player's privacy settings",
        socketsNote: "hidden by the player's privacy settings" }))
      .mockResolvedValueOnce(new Response(JSON.stringify({ detail: 'Bungie.net is down for maintenance.' }),
        { status: 503, headers: { 'Content-Type': 'application/problem+json' } })))
    const doc = page(board(TILES))

    ;(doc.querySelector('[data-item="1001"]') as HTMLElement).click()
    await vi.waitFor(() => expect(doc.querySelector('.item-window-details')?.textContent)
      .toContain("Stats: hidden by the player's privacy settings."))
    expect(doc.querySelector('.item-window-details')?.textContent)
      .toContain("Perks and mods: hidden by the player's privacy settings.")

    ;(doc.querySelector('[data-item="1002"]') as HTMLElement).click()
    await vi.waitFor(() => expect(doc.querySelector('.item-window-details')?.textContent)
      .toContain('Stats and perks could not be loaded: Bungie.net is down for maintenance.'))
  })

  it('asks for a stack by its escaped key and asks nothing for a Classified item', async () => {
    const fetch = vi.fn(() => Promise.resolve(json(NO_DETAILS)))
    vi.stubGlobal('fetch', fetch)
    const doc = page(board(TILES + tile({ item: `${HUNTER}:postmaster:1234#2`, name: 'Enhancement Core' })))

    ;(doc.querySelector('[data-item="1003"]') as HTMLElement).click()
    expect(fetch).not.toHaveBeenCalled()
    ;(doc.querySelector('[data-name="Enhancement Core"]') as HTMLElement).click()

    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1))
    expect(fetch.mock.calls[0]).toEqual([`/api/v1/destiny/items/${HUNTER}%3Apostmaster%3A1234%232`, expect.anything()])
  })
})
