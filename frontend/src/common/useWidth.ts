import { useLayoutEffect, useState } from 'react'

/**
 * The width in pixels of the element given to `ref`, kept up to date while it resizes.
 * Charts drawn at their real width keep 12px labels 12px; until measured (and in tests)
 * it is `fallback`, and Victory's responsive SVG scales the chart to fit.
 */
export function useWidth(fallback: number, min = 280) {
  const [element, ref] = useState<HTMLElement | null>(null)
  const [width, setWidth] = useState(fallback)

  useLayoutEffect(() => {
    if (!element) return
    const measure = () => {
      const measured = Math.floor(element.clientWidth)
      if (measured > 0) setWidth(Math.max(min, measured))
    }
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [element, min])

  return { ref, width }
}
