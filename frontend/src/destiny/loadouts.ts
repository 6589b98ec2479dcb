import { FetchError, fetchJson, postJson, sendJson } from '../common/fetchJson'
import { lines, refresh } from './board'

/**
 * The character page's loadouts: the player's saved loadouts with apply, rename and delete, a form that saves what
 * the character wears, and the progress of an apply, one line per Bungie action as the server streams them. The
 * server plans and checks everything; this only shows it.
 */

interface LoadoutView {
  id: number
  name: string
  classType: number
  className: string
  items: { instanceId: string; name: string }[]
}

interface ApplyLine {
  step?: number
  of?: number
  text?: string
  placed?: string | string[]
  madeRoom?: string
  message?: string
  done?: boolean
  error?: string
  notPlaced?: { name: string; reason: string }[]
}

const SECTION = '[data-loadouts]'

export function initLoadouts(root: Document = document): void {
  const section = root.querySelector<HTMLElement>(SECTION)
  if (!section || section.dataset.loadoutsReady !== undefined) return
  section.dataset.loadoutsReady = ''
  section.querySelector<HTMLFormElement>('form.loadout-save')?.addEventListener('submit', (event) => {
    event.preventDefault()
    void save(root, section, event.target as HTMLFormElement)
  })
  section.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]')
    const id = button?.closest<HTMLElement>('[data-loadout]')?.dataset.loadout
    if (!button || !id) return
    if (button.dataset.action === 'apply') void apply(root, section, id)
    if (button.dataset.action === 'rename') startRename(root, section, id)
    if (button.dataset.action === 'delete') void remove(root, section, id)
  })
  void load(root, section)
}

function api(section: HTMLElement): string {
  return section.dataset.api ?? '/api/v1/destiny/loadouts'
}

/** Fetches and renders the list. */
export async function load(root: Document, section: HTMLElement): Promise<void> {
  try {
    render(root, section, await fetchJson<LoadoutView[]>(api(section)))
  } catch (e) {
    say(section, e instanceof Error ? e.message : 'The loadouts could not be loaded.')
  }
}

function render(root: Document, section: HTMLElement, loadouts: LoadoutView[]): void {
  const list = section.querySelector<HTMLElement>('.loadout-list')
  if (!list) return
  list.replaceChildren()
  const classType = Number(section.dataset.classType)
  const target = section.dataset.className ?? 'this character'
  for (const loadout of loadouts) {
    const item = element(root, 'li', 'loadout')
    item.dataset.loadout = String(loadout.id)
    item.dataset.name = loadout.name
    const name = element(root, 'span', 'loadout-name', loadout.name)
    const facts = element(root, 'span', 'loadout-facts',
      `${loadout.classType === 3 ? 'Any class' : loadout.className} · ${loadout.items.length} items`)
    facts.title = loadout.items.map((i) => i.name).join(', ')
    const applyButton = button(root, 'Apply', 'apply', `Apply ${loadout.name} to ${target}`, true)
    if (loadout.classType !== 3 && loadout.classType !== classType) {
      applyButton.disabled = true
      applyButton.title = `A ${loadout.className} loadout: ${target} cannot wear its armour.`
    }
    item.append(name, facts, applyButton, button(root, 'Rename', 'rename', `Rename ${loadout.name}`),
      button(root, 'Delete', 'delete', `Delete ${loadout.name}`))
    list.append(item)
  }
  const empty = section.querySelector<HTMLElement>('.loadout-empty')
  if (empty) empty.hidden = loadouts.length > 0
}

async function save(root: Document, section: HTMLElement, form: HTMLFormElement): Promise<void> {
  const input = form.querySelector<HTMLInputElement>('input[name=name]')
  try {
    await postJson(api(section), { name: input?.value ?? '', character: section.dataset.character }, 'application/json', root)
    if (input) input.value = ''
    say(section, '')
    await load(root, section)
  } catch (e) {
    say(section, message(e))
  }
}

function startRename(root: Document, section: HTMLElement, id: string): void {
  const item = section.querySelector<HTMLElement>(`[data-loadout="${id}"]`)
  if (!item) return
  const form = element(root, 'form', 'loadout-rename') as HTMLFormElement
  const input = root.createElement('input')
  input.name = 'name'
  input.value = item.dataset.name ?? ''
  input.maxLength = 60
  input.className = 'form-control form-control-sm'
  input.setAttribute('aria-label', 'New name')
  const ok = button(root, 'Save', 'save-name', 'Save this name', true)
  ok.type = 'submit'
  const cancel = button(root, 'Cancel', 'cancel', 'Keep the name')
  cancel.addEventListener('click', () => void load(root, section))
  form.append(input, ok, cancel)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void rename(root, section, id, input.value)
  })
  item.replaceChildren(form)
  input.focus()
}

async function rename(root: Document, section: HTMLElement, id: string, name: string): Promise<void> {
  try {
    await sendJson('PATCH', `${api(section)}/${id}`, { name }, 'application/json', root)
    say(section, '')
    await load(root, section)
  } catch (e) {
    say(section, message(e))
  }
}

async function remove(root: Document, section: HTMLElement, id: string): Promise<void> {
  try {
    await sendJson('DELETE', `${api(section)}/${id}`, undefined, 'application/json', root)
    say(section, '')
    await load(root, section)
  } catch (e) {
    say(section, message(e))
  }
}

/** Applies the loadout, showing each step as it runs and how it ended; then the board is shown afresh. */
export async function apply(root: Document, section: HTMLElement, id: string): Promise<void> {
  const progress = section.querySelector<HTMLElement>('.loadout-progress')
  if (!progress) return
  progress.hidden = false
  progress.replaceChildren()
  const steps = element(root, 'ol', 'loadout-steps')
  progress.append(steps)
  section.querySelectorAll<HTMLButtonElement>('button[data-action]').forEach((b) => { b.disabled = true })
  let running: HTMLElement | null = null
  let ended: ApplyLine | null = null
  try {
    const url = `${api(section)}/${id}/apply?character=${encodeURIComponent(section.dataset.character ?? '')}`
    const response = await postJson(url, {}, 'application/x-ndjson', root)
    if (response.body) {
      for await (const line of lines<ApplyLine>(response.body)) {
        if (line.step !== undefined) {
          mark(running, 'done')
          running = element(root, 'li', 'loadout-step running', `${line.step}/${line.of} ${line.text ?? ''}`)
          steps.append(running)
        }
        if (line.done || line.error) ended = line
      }
    }
  } catch (e) {
    ended = { error: e instanceof FetchError && e.kind !== 'network' ? e.message
      : 'Tower did not answer: some items may have moved. Reload to see where things are.' }
  }
  mark(running, ended?.done ? 'done' : 'failed')
  progress.append(outcome(root, ended))
  await refresh(root)
  await load(root, section)
}

function outcome(root: Document, ended: ApplyLine | null): HTMLElement {
  const success = ended?.done === true
  const box = element(root, 'div', `loadout-outcome ${success ? 'success' : 'failure'}`)
  box.dataset.outcome = success ? 'success' : 'failure'
  box.setAttribute('role', 'status')
  box.append(element(root, 'p', 'loadout-message', (success ? ended?.message : ended?.error)
    ?? 'The loadout ended without an answer. Reload to see where things are.'))
  const placed = Array.isArray(ended?.placed) ? ended.placed : []
  if (!success && placed.length > 0) {
    box.append(element(root, 'p', 'loadout-placed', `In place: ${placed.join(', ')}.`))
  }
  for (const left of ended?.notPlaced ?? []) {
    box.append(element(root, 'p', 'loadout-not-placed', `Not moved: ${left.name} (${left.reason})`))
  }
  return box
}

function mark(step: HTMLElement | null, state: 'done' | 'failed'): void {
  if (!step) return
  step.classList.remove('running')
  step.classList.add(state)
}

function say(section: HTMLElement, text: string): void {
  const status = section.querySelector<HTMLElement>('.loadout-status')
  if (status) status.textContent = text
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : 'Something went wrong.'
}

function element(root: Document, tag: string, className: string, text?: string): HTMLElement {
  const el = root.createElement(tag)
  el.className = className
  if (text !== undefined) el.textContent = text
  return el
}

function button(root: Document, text: string, action: string, label: string, primary = false): HTMLButtonElement {
  const el = root.createElement('button')
  el.type = 'button'
  el.className = `btn btn-sm ${primary ? 'btn-primary' : 'btn-outline-secondary'}`
  el.dataset.action = action
  el.textContent = text
  el.setAttribute('aria-label', label)
  return el
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => initLoadouts(), { once: true })
  } else {
    initLoadouts()
  }
}
