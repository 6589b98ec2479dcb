import { fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { jsonResponse, problemResponse } from '../common/testing'
import { NOTIFICATIONS_URL, NotificationSettings, type Settings } from './NotificationSettings'

const settings = (change: Partial<Settings> = {}): Settings => ({
  email: null, emailConfirmed: false, xur: false, slack: false, emailAvailable: true, slackAvailable: true, ...change,
})

/** Answers GET with `loaded` and PUT with `answer`; returns the fetch mock to look at the PUT. */
function serve(loaded: Settings, answer?: (body: unknown) => Response) {
  const fetch = vi.fn((_input: RequestInfo | URL, init?: RequestInit) => Promise.resolve(init?.method === 'PUT'
    ? answer!(JSON.parse(String(init.body)))
    : jsonResponse(loaded)))
  vi.stubGlobal('fetch', fetch)
  return fetch
}

const address = () => screen.getByLabelText('E-mail address') as HTMLInputElement
const byMail = () => screen.getByLabelText("Mail me Xûr's inventory when he arrives") as HTMLInputElement

describe('NotificationSettings', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('shows the stored choice and whether the address is confirmed', async () => {
    serve(settings({ email: 'ana@example.com', emailConfirmed: true, xur: true }))
    render(<NotificationSettings />)

    expect((await screen.findByLabelText('E-mail address') as HTMLInputElement).value).toBe('ana@example.com')
    expect(byMail().checked).toBe(true)
    expect(screen.getByText('Confirmed.')).toBeTruthy()
  })

  it('says e-mail is not set up, and offers no mail, when the server cannot send any', async () => {
    serve(settings({ emailAvailable: false, slackAvailable: false }))
    render(<NotificationSettings />)

    expect(await screen.findByText(/E-mail is not set up on this Tower/)).toBeTruthy()
    expect(address().disabled).toBe(true)
    expect(byMail().disabled).toBe(true)
    expect(screen.getByText(/Slack is not set up on this Tower/)).toBeTruthy()
  })

  it('saves with PUT and says a confirmation link was mailed', async () => {
    const fetch = serve(settings(), (body) => jsonResponse({ ...settings(), ...(body as object) }))
    render(<NotificationSettings />)
    fireEvent.change(await screen.findByLabelText('E-mail address'), { target: { value: ' ana@example.com ' } })
    fireEvent.click(byMail())
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))

    expect((await screen.findByRole('status')).textContent)
      .toBe('Saved. We sent a link to ana@example.com: follow it to confirm the address.')
    const [url, init] = fetch.mock.calls[1]
    expect(url).toBe(NOTIFICATIONS_URL)
    expect(init?.method).toBe('PUT')
    expect(JSON.parse(String(init?.body))).toEqual({ email: 'ana@example.com', xur: true, slack: false })
  })

  it("shows the server's reason when it refuses", async () => {
    serve(settings(), () => problemResponse(400, 'email: "nope" is not an e-mail address', 'Bad Request'))
    render(<NotificationSettings />)
    fireEvent.change(await screen.findByLabelText('E-mail address'), { target: { value: 'nope' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))

    expect((await screen.findByRole('alert')).textContent).toBe('email: "nope" is not an e-mail address')
  })
})
