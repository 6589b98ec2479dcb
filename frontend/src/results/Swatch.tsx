/** A colour square and its name, for a small legend under a chart. */
export function Swatch({ color, children }: { color: string; children: string }) {
  return (
    <span className="d-inline-flex align-items-center gap-1">
      <span className="d-inline-block rounded-1" style={{ width: 10, height: 10, background: color }} aria-hidden="true" />
      {children}
    </span>
  )
}
