/**
 * Small behaviours of server-rendered pages, declared with data attributes: the Content-Security-Policy allows no
 * inline event handlers, and a value (a company's name) never becomes code.
 * - `<form data-confirm="Delete WayneCorp?">` asks first and submits only on OK;
 * - `<form data-busy-on-submit>` disables its submit button and shows its `[role=status]` while the server works;
 * - `<button data-copy-from="id">` copies that input's value to the clipboard.
 */
export function installFormBehaviours(root: Document = document): void {
  root.addEventListener('submit', (event) => {
    const form = event.target as HTMLFormElement
    const question = form.dataset.confirm
    if (question !== undefined && !window.confirm(question)) {
      event.preventDefault()
      return
    }
    if (form.dataset.busyOnSubmit !== undefined) {
      form.querySelectorAll<HTMLButtonElement>('[type=submit]').forEach((button) => (button.disabled = true))
      form.querySelector('[role=status]')?.classList.remove('d-none')
    }
  })
  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest?.<HTMLElement>('[data-copy-from]')
    const source = button && root.getElementById(button.dataset.copyFrom ?? '')
    if (source instanceof HTMLInputElement) void navigator.clipboard.writeText(source.value)
  })
}
