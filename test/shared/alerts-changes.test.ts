import { describe, expect, it } from 'vitest'
import type { ActiveAlert } from '../../src/shared/alerts'
import { applyAlertsChanges, createAlertsDiffer } from '../../src/shared/alerts-changes'

const alert = (key: string, state: ActiveAlert['state'] = 'firing') =>
  ({ key, state, detail: `${key} ${state}` }) as ActiveAlert

describe('open alerts as changes (issue 23)', () => {
  it('sends the whole list first, then only what changed, and nothing when nothing did', () => {
    const differ = createAlertsDiffer()
    expect(differ([alert('a'), alert('b')])).toEqual({
      reset: true,
      upserts: [alert('a'), alert('b')],
      removed: []
    })
    // The same data in new objects (the center rebuilds its list each evaluation) is no change.
    expect(differ([alert('a'), alert('b')])).toBeNull()
    expect(differ([alert('a', 'unknown'), alert('c')])).toEqual({
      reset: false,
      upserts: [alert('a', 'unknown'), alert('c')],
      removed: ['b']
    })
    expect(differ([])).toEqual({ reset: false, upserts: [], removed: ['a', 'c'] })
  })

  it('rebuilds the list the center holds from its changes, keeping the order of those that stay', () => {
    const differ = createAlertsDiffer()
    const lists = [
      [alert('a'), alert('b'), alert('c')],
      [alert('a'), alert('b', 'unknown'), alert('c')],
      [alert('b', 'unknown'), alert('c'), alert('d')],
      [alert('c')],
      [alert('c'), alert('e')]
    ]
    let shown: ActiveAlert[] = []
    for (const list of lists) {
      const change = differ(list)
      if (change) shown = applyAlertsChanges(shown, [change])
      expect(shown).toEqual(list)
    }
    // A reset replaces whatever was shown.
    expect(
      applyAlertsChanges([alert('x')], [{ reset: true, upserts: [alert('y')], removed: [] }])
    ).toEqual([alert('y')])
  })
})
