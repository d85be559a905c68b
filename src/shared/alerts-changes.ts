/**
 * The open alerts over IPC as changes (issue 23). The alert center tells its listeners after every evaluation, that
 * is every poll of every server, and at 2,000 jobs a server can hold a few hundred open alerts: pushing the whole
 * list each time cost the renderer ~170 kB a poll. Here each episode is compared with what was last sent by its JSON
 * text (plain data; a few hundred serialize in about a millisecond), and only the new, changed and gone are sent.
 */
import type { ActiveAlert } from './alerts'
import type { ActiveAlertsChange } from './ipc/alerts-channels'

/** A function from the current list to the change since the last call (the first is a reset), or null if none. */
export function createAlertsDiffer(): (
  active: readonly ActiveAlert[]
) => ActiveAlertsChange | null {
  let sent: Map<string, string> | null = null
  return (active) => {
    const next = new Map<string, string>()
    const upserts: ActiveAlert[] = []
    for (const alert of active) {
      const text = JSON.stringify(alert)
      next.set(alert.key, text)
      if (sent?.get(alert.key) !== text) upserts.push(alert)
    }
    const reset = sent === null
    const removed = reset ? [] : [...sent!.keys()].filter((key) => !next.has(key))
    sent = next
    if (!reset && upserts.length === 0 && removed.length === 0) return null
    return { reset, upserts, removed }
  }
}

/** Two changes in a row as one: a reset wins; otherwise the later upsert or removal of a key wins. */
export function mergeAlertsChanges(
  first: ActiveAlertsChange,
  second: ActiveAlertsChange
): ActiveAlertsChange {
  if (second.reset) return second
  const upserts = new Map(first.upserts.map((alert) => [alert.key, alert]))
  const removed = new Set(first.removed)
  for (const key of second.removed) {
    upserts.delete(key)
    removed.add(key)
  }
  for (const alert of second.upserts) {
    removed.delete(alert.key)
    upserts.set(alert.key, alert)
  }
  return { reset: first.reset, upserts: [...upserts.values()], removed: [...removed] }
}

/** Applies a run of changes to a list, keeping the order of the episodes that stay (new ones go last). */
export function applyAlertsChanges(
  current: readonly ActiveAlert[],
  changes: readonly ActiveAlertsChange[]
): ActiveAlert[] {
  let list = current
  for (const change of changes) {
    const upserts = new Map(change.upserts.map((alert) => [alert.key, alert]))
    const gone = new Set(change.removed)
    const base = change.reset ? [] : list
    const kept = base
      .filter((alert) => !gone.has(alert.key))
      .map((alert) => {
        const next = upserts.get(alert.key)
        if (next) upserts.delete(alert.key)
        return next ?? alert
      })
    list = [...kept, ...upserts.values()]
  }
  return [...list]
}
