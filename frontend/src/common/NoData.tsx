export function NoData() {
  return <p className="text-body-secondary my-3">No finance data yet.</p>
}
