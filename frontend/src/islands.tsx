import type { ReactElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { NotificationSettings } from './account/NotificationSettings'
import { EarningsComparison } from './finance/EarningsComparison'
import { EarningsTrend } from './finance/EarningsTrend'
import { FinanceOverview } from './finance/FinanceOverview'
import { QuarterlyEarnings } from './finance/QuarterlyEarnings'
import { JobMonitor } from './jobs/JobMonitor'
import { JobProgress } from './jobs/JobProgress'
import { ResultsTrend } from './results/ResultsTrend'
import { TestHistory } from './results/TestHistory'
import { installFormBehaviours } from './common/forms'
// not an island: behaviour for the server-rendered Destiny board (filter, item menu, drag and drop, moves)
import './destiny/board'
// the character page's loadouts: save, rename, delete, and apply with each step's progress
import './destiny/loadouts'
// not an island either: the board's first-start page follows the manifest download, then shows the board
import './destiny/manifestProgress'

/** Island name (the `data-island` value) → component, with props read from data attributes. */
const islands: Record<string, (data: DOMStringMap) => ReactElement> = {
  'quarterly-earnings': (data) => <QuarterlyEarnings companyId={data.companyId ?? ''} year={toNumber(data.year)} />,
  'earnings-trend': (data) => <EarningsTrend companyId={data.companyId ?? ''} />,
  'earnings-comparison': (data) => <EarningsComparison name={data.name} businessType={data.businessType} />,
  'finance-overview': () => <FinanceOverview />,
  'job-progress': (data) => <JobProgress jobId={data.jobId ?? ''} />,
  'job-monitor': (data) => <JobMonitor limit={toNumber(data.limit)} />,
  'results-trend': (data) => <ResultsTrend query={data.query} />,
  // a signed 64-bit key: passed on as the string it is, never as a (rounding) JS number
  'test-history': (data) => <TestHistory testKey={data.testKey ?? ''} />,
  'notification-settings': () => <NotificationSettings />,
}

function toNumber(value: string | undefined): number | undefined {
  const number = value ? Number(value) : NaN
  return Number.isFinite(number) ? number : undefined
}

/** Mounts a React root on every `[data-island]` element below `root` that is not mounted yet. */
export function mountIslands(root: ParentNode = document): Root[] {
  const mounted: Root[] = []
  root.querySelectorAll<HTMLElement>('[data-island]:not([data-island-mounted])').forEach((element) => {
    const render = islands[element.dataset.island ?? '']
    if (!render) {
      console.warn(`Unknown island "${element.dataset.island}"`, element)
      return
    }
    element.dataset.islandMounted = ''
    const reactRoot = createRoot(element)
    reactRoot.render(render(element.dataset))
    mounted.push(reactRoot)
  })
  return mounted
}

installFormBehaviours()

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', () => mountIslands(), { once: true })
} else {
  mountIslands()
}
