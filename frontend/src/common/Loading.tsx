export function Loading() {
  return (
    <div className="d-flex align-items-center gap-2 text-body-secondary py-3" role="status">
      <span className="spinner-border spinner-border-sm" aria-hidden="true" />
      <span>Loading…</span>
    </div>
  )
}
