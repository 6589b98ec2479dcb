import { describe, expect, it } from 'vitest'
import { historySummary, historyUrl, outcomeKind, runLabel, toHistoryPoints } from './historyData'
import { testRun } from './testResults'

describe('outcomeKind', () => {
  it('tells passed, flaky, failed (failures and errors) and skipped apart', () => {
    expect(outcomeKind(testRun())).toBe('passed')
    expect(outcomeKind(testRun({ flaky: true }))).toBe('flaky')
    expect(outcomeKind(testRun({ outcome: 'FAILED' }))).toBe('failed')
    expect(outcomeKind(testRun({ outcome: 'ERROR' }))).toBe('failed')
    expect(outcomeKind(testRun({ outcome: 'SKIPPED' }))).toBe('skipped')
  })

  it('shows an outcome added on the server later as neutral grey', () => {
    expect(outcomeKind(testRun({ outcome: 'ABORTED' as never }))).toBe('skipped')
  })
})

describe('toHistoryPoints', () => {
  it('puts the runs in the order given, with their duration in seconds', () => {
    const runs = [testRun({ runId: 1 }), testRun({ runId: 2, outcome: 'SKIPPED', seconds: 0 }), testRun({ runId: 3, seconds: Number.NaN })]
    const points = toHistoryPoints(runs)
    expect(points.map(({ x, y, kind }) => ({ x, y, kind }))).toEqual([
      { x: 1, y: 0.412, kind: 'passed' },
      { x: 2, y: 0, kind: 'skipped' },
      { x: 3, y: 0, kind: 'passed' },
    ])
    expect(points[0].run).toBe(runs[0])
  })
})

describe('runLabel', () => {
  it('names the run, day and host, then the outcome and duration', () => {
    expect(runLabel(testRun({ outcome: 'FAILED', message: 'expected:<3> but was:<4>' }))).toBe(
      'nightly-1234 · 20 Nov 2026 · build-3: failed in 0.41 s — expected:<3> but was:<4>',
    )
    expect(runLabel(testRun())).toBe('nightly-1234 · 20 Nov 2026 · build-3: passed in 0.41 s')
    expect(runLabel(testRun({ flaky: true, seconds: 2.5 }))).toBe('nightly-1234 · 20 Nov 2026 · build-3: passed in 2.50 s (flaky)')
    expect(runLabel(testRun({ outcome: 'ERROR', seconds: 30.02, message: 'Connection refused' }))).toBe(
      'nightly-1234 · 20 Nov 2026 · build-3: error after 30.0 s — Connection refused',
    )
    expect(runLabel(testRun({ outcome: 'SKIPPED', seconds: 0, message: 'Not on Windows' }))).toBe(
      'nightly-1234 · 20 Nov 2026 · build-3: skipped — Not on Windows',
    )
  })

  it('shows the first 120 characters of a message, on one line', () => {
    const message = `java.lang.AssertionError: ${'x'.repeat(200)}\n\tat com.acme.CartTest.addsItem(CartTest.java:42)`
    const label = runLabel(testRun({ outcome: 'FAILED', message }))
    expect(label).toBe(`nightly-1234 · 20 Nov 2026 · build-3: failed in 0.41 s — java.lang.AssertionError: ${'x'.repeat(94)}…`)
  })

  it('leaves out a missing host and an empty message', () => {
    expect(runLabel(testRun({ host: null, message: '  ' }))).toBe('nightly-1234 · 20 Nov 2026: passed in 0.41 s')
  })
})

describe('historySummary', () => {
  it('counts the outcomes and gives the median duration', () => {
    const runs = [
      ...[0.36, 0.37, 0.38, 0.39, 0.4, 0.4, 0.41, 0.42, 0.43, 0.44].map((seconds) => testRun({ seconds })),
      testRun({ outcome: 'FAILED', seconds: 0.2 }),
      testRun({ flaky: true, seconds: 0.9 }),
    ]
    expect(historySummary(runs)).toBe('12 runs: 10 passed, 1 failed, 1 flaky · median 0.40 s')
    runs.push(testRun({ seconds: 0.5 })) // 13 runs: the middle one
    expect(historySummary(runs)).toBe('13 runs: 11 passed, 1 failed, 1 flaky · median 0.40 s')
  })

  it('leaves skipped runs out of the median, and outcomes that did not occur out of the counts', () => {
    const runs = [testRun({ seconds: 0.4 }), testRun({ outcome: 'SKIPPED', seconds: 0 }), testRun({ outcome: 'ERROR', seconds: 1.2 })]
    expect(historySummary(runs)).toBe('3 runs: 1 passed, 1 failed, 1 skipped · median 0.80 s')
    expect(historySummary([testRun({ outcome: 'SKIPPED', seconds: 0 })])).toBe('1 run: 1 skipped')
  })

  it('groups big counts', () => {
    expect(historySummary(Array.from({ length: 1234 }, () => testRun({ seconds: 0.4 })))).toBe(
      '1,234 runs: 1,234 passed · median 0.40 s',
    )
  })
})

describe('historyUrl', () => {
  it('keeps the 64-bit key exactly as given', () => {
    expect(historyUrl('-81234567890123')).toBe('/api/v1/results/tests/-81234567890123/history')
    expect(historyUrl('9223372036854775807')).toBe('/api/v1/results/tests/9223372036854775807/history')
  })
})
