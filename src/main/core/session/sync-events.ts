/**
 * How REST sync results become session updates: live data wrapped as fresh (`stale: false`, the answer's time as
 * `asOf`), transitions emitted after the snapshot that revealed them.
 */
import { diagnoseAddress } from '../connection/address-diagnosis'
import type { DinkyProcess } from '../dinky/types'
import type { SyncEvents } from '../sync/sync-engine'
import type { SessionModel } from './session-model'

/** The sync engine's callbacks, bound to a session model; console logs go to `onProcess` (the log follower). */
export function syncEventsFor(
  model: SessionModel,
  onProcess: (process: string, entity: DinkyProcess) => void,
  address?: { baseUrl: string; now: () => number }
): SyncEvents {
  /** One diagnosis per failure streak: polls keep failing every few seconds while Dinky is down. */
  let diagnosed = false
  return {
    onState: (state) => {
      if (state.kind === 'live') diagnosed = false
      model.apply({ type: 'state', stream: 'rest', state })
    },
    onFailure: (error) => {
      const found = address && diagnoseAddress(error, address.baseUrl, 'rest', address.now())
      if (!found || diagnosed) return
      diagnosed = true
      model.apply({ type: 'diagnosis', diagnosis: found })
    },
    onJobs: (jobs, counts, asOf, transitions) => {
      model.apply({
        type: 'jobs',
        jobs: { value: jobs, asOf, stale: false },
        counts: counts ? { value: counts, asOf, stale: false } : null
      })
      for (const transition of transitions) model.apply({ type: 'job', transition })
    },
    onClusters: (clusters, taskManagers, asOf) =>
      model.apply({
        type: 'clusters',
        clusters: { value: clusters, asOf, stale: false },
        taskManagers
      }),
    onSysInfo: (sysInfo, asOf) =>
      model.apply({ type: 'sysinfo', sysInfo: { value: sysInfo, asOf, stale: false } }),
    onProcess,
    onClustersStale: (reason) => {
      // Keep what was shown, marked stale with the reason; nothing at all yet is an empty stale list.
      const { clusters, taskManagers } = model.snapshot()
      const value = clusters?.value ?? []
      const asOf = clusters?.asOf ?? 0
      const stale = { value, asOf, stale: true, staleReason: reason }
      model.apply({ type: 'clusters', clusters: stale, taskManagers })
    }
  }
}
