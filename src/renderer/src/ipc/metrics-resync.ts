/**
 * Re-reads the open metrics views from main. A lost `metrics:update` batch would leave a hole in an open chart
 * for good (updates carry only new points), so on a gap in that channel every view the store holds is read
 * again with `metrics:view` and merged in, keeping points pushed while the read was on its way.
 */
import { metricsKeyParts } from '../store/metrics-slice'
import type { ConsoleStore } from '../store/console-store'
import type { ConsoleApi } from './console-api'

/** One read per open view; resolves when all have answered (a failed read leaves its view as it was). */
export async function resyncMetricsViews(api: ConsoleApi, store: ConsoleStore): Promise<void> {
  const reads = Object.keys(store.getState().metricsViews).map(async (key) => {
    const { profileId, jid } = metricsKeyParts(key)
    const result = await api.invoke('metrics:view', { profileId, jid })
    if (result.ok && result.value) store.getState().refreshMetricsView(profileId, result.value)
  })
  await Promise.all(reads)
}
