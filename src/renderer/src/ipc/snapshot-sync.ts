/**
 * Asks main for `session:snapshot` of a profile and applies it. Requests are coalesced per profile: while one is
 * in flight, further asks collapse into a single follow-up, so a burst of gaps costs at most two round trips.
 * `settled` lets the IPC binding replay the numbered items it held back while the snapshot was on its way.
 */
import type { ConsoleStore } from '../store/console-store'
import type { ConsoleApi } from './console-api'

export interface SnapshotSync {
  resync: (profileIds: Iterable<string>) => void
  /** True while a snapshot of the profile is being fetched (or will be fetched again). */
  pending: (profileId: string) => boolean
  /** Resolves when no snapshot request is in flight (tests and the preview wait on it). */
  idle: () => Promise<void>
}

export function createSnapshotSync(
  api: ConsoleApi,
  store: ConsoleStore,
  settled: (profileId: string) => void = () => undefined
): SnapshotSync {
  const inFlight = new Map<string, Promise<void>>()
  const again = new Set<string>()

  const fetchSnapshot = (profileId: string): Promise<void> => {
    const request = api
      .invoke('session:snapshot', { profileId })
      .then((result) => {
        if (result.ok) store.getState().applySnapshot(result.value)
      })
      .catch(() => undefined)
      .finally(() => {
        inFlight.delete(profileId)
        if (again.delete(profileId)) fetchOne(profileId)
        else settled(profileId)
      })
    inFlight.set(profileId, request)
    return request
  }

  const fetchOne = (profileId: string): void => {
    if (inFlight.has(profileId)) again.add(profileId)
    else void fetchSnapshot(profileId)
  }

  return {
    resync: (profileIds) => {
      for (const profileId of new Set(profileIds)) fetchOne(profileId)
    },
    pending: (profileId) => inFlight.has(profileId),
    idle: async () => {
      while (inFlight.size > 0) await Promise.all(inFlight.values())
    }
  }
}
