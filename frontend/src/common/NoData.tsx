import type { ReactNode } from 'react'

/** An empty result, said plainly; finance's message unless told otherwise. */
export function NoData({ children = 'No finance data yet.' }: { children?: ReactNode }) {
  return <p className="text-body-secondary my-3">{children}</p>
}
