import { beforeAll, describe, expect, it, vi } from 'vitest'
import { installFormBehaviours } from './forms'

const submit = (form: HTMLFormElement) => {
  const event = new Event('submit', { bubbles: true, cancelable: true })
  form.dispatchEvent(event)
  return !event.defaultPrevented
}

describe('form behaviours', () => {
  beforeAll(() => installFormBehaviours())

  it('asks before submitting a form with data-confirm, with the text as it is', () => {
    document.body.innerHTML = `<form data-confirm="Delete &lt;img src=x onerror=alert(1)&gt;'&quot;;alert(1)//?"></form>`
    const form = document.querySelector('form')!
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true)

    expect(submit(form)).toBe(false)
    expect(submit(form)).toBe(true)
    expect(confirm).toHaveBeenCalledWith(`Delete <img src=x onerror=alert(1)>'";alert(1)//?`)
  })

  it('leaves other forms alone', () => {
    document.body.innerHTML = '<form><button type="submit">Go</button></form>'
    const confirm = vi.spyOn(window, 'confirm')

    expect(submit(document.querySelector('form')!)).toBe(true)
    expect(confirm).not.toHaveBeenCalled()
    expect(document.querySelector('button')!.disabled).toBe(false)
  })

  it('shows a busy form as busy', () => {
    document.body.innerHTML = `
      <form data-busy-on-submit><button type="submit">Import</button><div class="d-none" role="status">Importing…</div></form>`

    expect(submit(document.querySelector('form')!)).toBe(true)
    expect(document.querySelector('button')!.disabled).toBe(true)
    expect(document.querySelector('[role=status]')!.classList.contains('d-none')).toBe(false)
  })

  it('copies the named input', () => {
    document.body.innerHTML = '<input id="new-token" value="twr_secret"><button data-copy-from="new-token"><i></i> Copy</button>'
    const writeText = vi.fn().mockResolvedValue(undefined)
    vi.stubGlobal('navigator', { clipboard: { writeText } })

    document.querySelector('i')!.dispatchEvent(new MouseEvent('click', { bubbles: true }))
    expect(writeText).toHaveBeenCalledWith('twr_secret')
  })
})
