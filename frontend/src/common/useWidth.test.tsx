import { render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useWidth } from './useWidth'

function Probe() {
  const { ref, width } = useWidth(600)
  return <div ref={ref} data-testid="probe">{width}</div>
}

describe('useWidth', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('uses the fallback until the element has a width', () => {
    render(<Probe />)
    expect(screen.getByTestId('probe').textContent).toBe('600')
  })

  it("uses the element's width, but not less than the minimum", () => {
    const clientWidth = vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(412.6)
    const { unmount } = render(<Probe />)
    expect(screen.getByTestId('probe').textContent).toBe('412')
    unmount()

    clientWidth.mockReturnValue(100)
    render(<Probe />)
    expect(screen.getByTestId('probe').textContent).toBe('280')
  })
})
