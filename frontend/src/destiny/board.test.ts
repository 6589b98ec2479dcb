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
  return Array.from(doc.querySelectorAll('.item-menu button')).map((b) => b.getAttribute('aria-label') ?? '')
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
    const fetch = vi.fn()
      .mockResolvedValueOnce(new Response(new ReadableStream({
        start(controller) {
          lines.forEach((line) => controller.enqueue(new TextEncoder().encode(line)))
          controller.close()
        },
      }), { status: 200, headers: { 'Content-Type': 'application/x-ndjson' } }))
      .mockResolvedValueOnce(new Response(`<html><body>${after}</body></html>`, { status: 200 }))
    vi.stubGlobal('fetch', fetch)

    ;(doc.querySelector('[data-item="1001"]') as HTMLElement).click()
    ;(doc.querySelector('.item-menu button[aria-label="Move to Hunter"]') as HTMLElement).click()

    await vi.waitFor(() => expect(doc.querySelector('.move-toast')?.getAttribute('data-outcome')).toBe('success'))
    expect(doc.querySelector('.move-toast')?.textContent).toContain('Moved The Last Lantern to Hunter.')
    const [url, request] = fetch.mock.calls[0]
    expect(url).toBe('/destiny/items/move')
    expect(request.headers['X-CSRF-TOKEN']).toBe('token-1')
    expect(JSON.parse(request.body)).toEqual({ item: '1001', to: HUNTER, equip: false })
    await vi.waitFor(() => expect(doc.querySelector<HTMLElement>('[data-item="1001"]')?.dataset.owner).toBe(HUNTER))
  })

  it('shows a refusal in words when the move cannot start', async () => {
    const doc = page(board(TILES))
    vi.stubGlobal('fetch', vi.fn()
      .mockResolvedValueOnce(new Response(JSON.stringify({ detail: 'That item is no longer on the board.' }),
        { status: 404, headers: { 'Content-Type': 'application/problem+json' } }))
      .mockResolvedValueOnce(new Response('<html></html>', { status: 200 })))
    ;(doc.querySelector('[data-item="1002"]') as HTMLElement).click()
    ;(doc.querySelector('.item-menu button[aria-label="Equip on Titan"]') as HTMLElement).click()
    await vi.waitFor(() => expect(doc.querySelector('.move-toast')?.getAttribute('data-outcome')).toBe('failure'))
    expect(doc.querySelector('.move-toast')?.textContent).toContain('That item is no longer on the board.')
    // the page could not be re-rendered (no board in the answer): the tile is usable again all the same
    await vi.waitFor(() => expect(doc.querySelector('[data-item="1002"]')?.classList.contains('is-moving')).toBe(false))
  })
})
