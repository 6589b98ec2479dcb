import { describe, expect, it, vi } from 'vitest'
import { jsonResponse, problemResponse } from '../common/testing'
import { initLoadouts } from './loadouts'

const TITAN = '2305843009301234561'
const API = '/api/v1/destiny/loadouts'

const LOADOUTS = [
  { id: 1, name: 'PvP', classType: 0, className: 'Titan', items: [{ instanceId: '11', name: 'Vesper Epitaph' }] },
  { id: 2, name: 'Hunter raid', classType: 1, className: 'Hunter', items: [] },
]

function page(): Document {
  const doc = document.implementation.createHTMLDocument('character')
  doc.head.innerHTML = '<meta name="_csrf_header" content="X-CSRF-TOKEN"><meta name="_csrf" content="token-1">'
  doc.body.innerHTML = `
  <section data-loadouts data-api="${API}" data-character="${TITAN}" data-class-type="0" data-class-name="Titan">
    <form class="loadout-save"><input name="name"><button type="submit">Save equipped</button></form>
    <p class="loadout-status"></p>
    <p class="loadout-empty">No loadouts yet</p>
    <ul class="loadout-list"></ul>
    <div class="loadout-progress" hidden></div>
  </section>`
  return doc
}

function stream(...lines: object[]): Response {
  const text = lines.map((l) => JSON.stringify(l) + '\n').join('')
  return new Response(new ReadableStream({
    start(controller) {
      // split mid-line, as a network may
      const bytes = new TextEncoder().encode(text)
      controller.enqueue(bytes.slice(0, 30))
      controller.enqueue(bytes.slice(30))
      controller.close()
    },
  }), { status: 200, headers: { 'Content-Type': 'application/x-ndjson' } })
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0))
}

function names(doc: Document): string[] {
  return Array.from(doc.querySelectorAll('.loadout-name')).map((n) => n.textContent ?? '')
}

function click(doc: Document, label: string): void {
  doc.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!.click()
}

describe('loadouts on the character page', () => {
  it('lists the loadouts and offers apply only for this class or any class', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValueOnce(jsonResponse(LOADOUTS)))
    const doc = page()
    initLoadouts(doc)
    await settle()

    expect(names(doc)).toEqual(['PvP', 'Hunter raid'])
    expect(doc.querySelector<HTMLElement>('.loadout-empty')!.hidden).toBe(true)
    expect(doc.querySelector<HTMLButtonElement>('button[aria-label="Apply PvP to Titan"]')!.disabled).toBe(false)
    const other = doc.querySelector<HTMLButtonElement>('button[aria-label="Apply Hunter raid to Titan"]')!
    expect(other.disabled).toBe(true)
    expect(other.title).toBe('A Hunter loadout: Titan cannot wear its armour.')
  })

  it('saves what the character wears under a name, and shows a refusal', async () => {
    const fetch = vi.fn()
      .mockResolvedValueOnce(jsonResponse([]))
      .mockResolvedValueOnce(jsonResponse(LOADOUTS[0], 201))
      .mockResolvedValueOnce(jsonResponse([LOADOUTS[0]]))
      .mockResolvedValueOnce(problemResponse(409, 'You already have a loadout named “PvP”.', 'Conflict'))
    vi.stubGlobal('fetch', fetch)
    const doc = page()
    initLoadouts(doc)
    await settle()
    const input = doc.querySelector<HTMLInputElement>('input[name=name]')!
    input.value = 'PvP'
    doc.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }))
    await settle()

    const [url, init] = fetch.mock.calls[1]
    expect(url).toBe(API)
    expect(init.method).toBe('POST')
    expect(JSON.parse(init.body)).toEqual({ name: 'PvP', character: TITAN })
    expect(init.headers['X-CSRF-TOKEN']).toBe('token-1')
    expect(names(doc)).toEqual(['PvP'])
    expect(input.value).toBe('')

    input.value = 'PvP'
    doc.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }))
    await settle()
    expect(doc.querySelector('.loadout-status')!.textContent).toBe('You already have a loadout named “PvP”.')
  })

  it('renames and deletes', async () => {
    const fetch = vi.fn()
      .mockResolvedValueOnce(jsonResponse([LOADOUTS[0]]))
      .mockResolvedValueOnce(new Response(null, { status: 204 }))
      .mockResolvedValueOnce(jsonResponse([{ ...LOADOUTS[0], name: 'Trials' }]))
      .mockResolvedValueOnce(new Response(null, { status: 204 }))
      .mockResolvedValueOnce(jsonResponse([]))
    vi.stubGlobal('fetch', fetch)
    const doc = page()
    initLoadouts(doc)
    await settle()

    click(doc, 'Rename PvP')
    const input = doc.querySelector<HTMLInputElement>('.loadout-rename input')!
    expect(input.value).toBe('PvP')
    input.value = 'Trials'
    input.form!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }))
    await settle()
    expect(fetch.mock.calls[1][0]).toBe(`${API}/1`)
    expect(fetch.mock.calls[1][1].method).toBe('PATCH')
    expect(JSON.parse(fetch.mock.calls[1][1].body)).toEqual({ name: 'Trials' })
    expect(names(doc)).toEqual(['Trials'])

    click(doc, 'Delete Trials')
    await settle()
    expect(fetch.mock.calls[3][1].method).toBe('DELETE')
    expect(fetch.mock.calls[3][1].body).toBeUndefined()
    expect(names(doc)).toEqual([])
  })

  it('shows each step of an apply as it runs, and how it ended', async () => {
    const fetch = vi.fn()
      .mockResolvedValueOnce(jsonResponse([LOADOUTS[0]]))
      .mockResolvedValueOnce(stream(
        { step: 1, of: 2, text: 'Moving Vesper Epitaph to Titan' },
        { step: 2, of: 2, text: 'Equipping Vesper Epitaph on Titan' },
        { placed: 'Vesper Epitaph', message: 'Equipped Vesper Epitaph on Titan.' },
        { done: true, message: '“PvP” is on Titan: 1 of 1 items in place.', placed: ['Vesper Epitaph'], notPlaced: [] }))
      .mockResolvedValue(jsonResponse([LOADOUTS[0]]))
    vi.stubGlobal('fetch', fetch)
    const doc = page()
    initLoadouts(doc)
    await settle()

    click(doc, 'Apply PvP to Titan')
    await settle()

    expect(fetch.mock.calls[1][0]).toBe(`${API}/1/apply?character=${TITAN}`)
    expect(fetch.mock.calls[1][1].headers.Accept).toContain('application/x-ndjson')
    const steps = Array.from(doc.querySelectorAll('.loadout-step'))
    expect(steps.map((s) => s.textContent)).toEqual(['1/2 Moving Vesper Epitaph to Titan',
      '2/2 Equipping Vesper Epitaph on Titan'])
    expect(steps.every((s) => s.classList.contains('done'))).toBe(true)
    const outcome = doc.querySelector<HTMLElement>('.loadout-outcome')!
    expect(outcome.dataset.outcome).toBe('success')
    expect(outcome.textContent).toBe('“PvP” is on Titan: 1 of 1 items in place.')
  })

  it('on a refusal midway says which items are in place and which did not move', async () => {
    vi.stubGlobal('fetch', vi.fn()
      .mockResolvedValueOnce(jsonResponse([LOADOUTS[0]]))
      .mockResolvedValueOnce(stream(
        { step: 1, of: 2, text: 'Moving Vesper Epitaph to Titan' },
        { error: 'Stopped: There is no room for Vesper Epitaph in Titan: make space there first.', status: 409,
          placed: ['Starbound Helm'], notPlaced: [{ name: 'Vesper Epitaph', reason: 'There is no room' }] }))
      .mockResolvedValue(jsonResponse([LOADOUTS[0]])))
    const doc = page()
    initLoadouts(doc)
    await settle()

    click(doc, 'Apply PvP to Titan')
    await settle()

    expect(doc.querySelector('.loadout-step')!.classList.contains('failed')).toBe(true)
    const outcome = doc.querySelector<HTMLElement>('.loadout-outcome')!
    expect(outcome.dataset.outcome).toBe('failure')
    expect(Array.from(outcome.querySelectorAll('p')).map((p) => p.textContent)).toEqual([
      'Stopped: There is no room for Vesper Epitaph in Titan: make space there first.',
      'In place: Starbound Helm.',
      'Not moved: Vesper Epitaph (There is no room)',
    ])
  })

  it('a refusal before anything moves is shown as it is', async () => {
    vi.stubGlobal('fetch', vi.fn()
      .mockResolvedValueOnce(jsonResponse([LOADOUTS[0]]))
      .mockResolvedValueOnce(problemResponse(409, 'Nothing was moved: Vesper Epitaph is equipped on Hunter.', 'Conflict'))
      .mockResolvedValue(jsonResponse([LOADOUTS[0]])))
    const doc = page()
    initLoadouts(doc)
    await settle()

    click(doc, 'Apply PvP to Titan')
    await settle()

    expect(doc.querySelectorAll('.loadout-step')).toHaveLength(0)
    expect(doc.querySelector('.loadout-outcome')!.textContent)
      .toBe('Nothing was moved: Vesper Epitaph is equipped on Hunter.')
  })
})
