/**
 * The renderer's one store, built from typed slices. Every push batch and every snapshot is applied with a single
 * `set()`, so a batch of 500 log lines and a jobs update cost one render, not hundreds.
 */
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { PushChannel, PushChannels } from '../../../shared/ipc/contract'
import type { LogChunk } from '../../../shared/models'
import type { SessionSnapshot } from '../../../shared/session'
import { DEFAULT_LOG_CAPACITY } from '../logs/line-ring'
import {
  createClustersSlice,
  reduceClusters,
  reduceJvmSamples,
  reduceSysInfo,
  type ClustersSlice
} from './clusters-slice'
import {
  createConnectionSlice,
  reduceConnectionStates,
  reduceUsers,
  type ConnectionSlice
} from './connection-slice'
import { createJobsSlice, reduceJobs, reduceTransitions, type JobsSlice } from './jobs-slice'
import { createLogsSlice, reduceLogAppend, reduceLogTails, type LogsSlice } from './logs-slice'
import { createUiSlice, type UiSlice } from './ui-slice'
import { createJobHealthSlice, reduceJobHealth, type JobHealthSlice } from './job-health-slice'
import { createMetricsSlice, reduceMetricsUpdates, type MetricsSlice } from './metrics-slice'
import { reduceSnapshot } from './snapshot-reducer'
import {
  createTimelineSlice,
  reduceAwayPush,
  reduceTimelineEvents,
  type TimelineSlice
} from './timeline-slice'
import { createAlertsSlice, reduceActiveAlerts, type AlertsSlice } from './alerts-slice'

export interface DataActions {
  /** Applies one push batch of a channel. */
  applyPush: <C extends PushChannel>(channel: C, items: PushChannels[C]) => void
  applySnapshot: (snapshot: SessionSnapshot) => void
  /** Replaces the logs of processes with the tails `logs:follow` returned. */
  applyLogTails: (profileId: string, tails: readonly LogChunk[]) => void
  /** Forgets the server data of one profile (or all): the cache was cleared. */
  clearServerData: (profileId: string | null) => void
}

export type ConsoleState = ConnectionSlice &
  JobsSlice &
  LogsSlice &
  ClustersSlice &
  UiSlice &
  JobHealthSlice &
  MetricsSlice &
  TimelineSlice &
  AlertsSlice &
  DataActions
export type ConsoleStore = StoreApi<ConsoleState>

type Reducer = (state: ConsoleState, items: never) => Partial<ConsoleState>
const PUSH_REDUCERS: Partial<Record<PushChannel, Reducer>> = {
  'connection:state': reduceConnectionStates,
  'jobs:snapshot': reduceJobs,
  'jobs:transition': reduceTransitions,
  'logs:append': reduceLogAppend,
  'clusters:snapshot': reduceClusters,
  'sysinfo:snapshot': reduceSysInfo,
  'jvm:sample': reduceJvmSamples,
  'session:user': reduceUsers,
  'jobHealth:update': reduceJobHealth as Reducer,
  'metrics:update': reduceMetricsUpdates,
  'timeline:event': reduceTimelineEvents as Reducer,
  'timeline:away': reduceAwayPush as Reducer,
  'alerts:active': reduceActiveAlerts as Reducer
}

const PER_PROFILE_DATA = [
  'jobs',
  'counts',
  'transitions',
  'clusters',
  'taskManagers',
  'sysInfo',
  'jvm',
  'timelineRecent',
  'awaySummaries',
  'healthSummaries',
  'healthLoaded'
] as const

/** Creates a store; tests pass a small log capacity to exercise the ring's eviction. */
export function createConsoleStore(options: { logCapacity?: number } = {}): ConsoleStore {
  return createStore<ConsoleState>()((set, get, store) => ({
    ...createConnectionSlice(set, get, store),
    ...createJobsSlice(set, get, store),
    ...createLogsSlice(options.logCapacity ?? DEFAULT_LOG_CAPACITY)(set, get, store),
    ...createClustersSlice(set, get, store),
    ...createUiSlice(set, get, store),
    ...createJobHealthSlice(set, get, store),
    ...createMetricsSlice(set, get, store),
    ...createTimelineSlice(set, get, store),
    ...createAlertsSlice(set, get, store),
    applyPush: (channel, items) => {
      if (channel === 'app:navigate') {
        const last = (items as PushChannels['app:navigate']).at(-1)
        if (last?.view) get().navigate(last.view, last.jobId)
        if (last?.jobId !== undefined && last.tab) get().openJob(last.jobId, last.tab)
        if (last?.panel === 'alerts') get().setAlertsPanelOpen(true)
        if (last?.panel === 'palette') get().setPaletteOpen(true)
        if (last?.panel === 'shortcuts') get().setShortcutSheetOpen(true)
        return
      }
      if (channel === 'settings:changed') {
        const last = (items as PushChannels['settings:changed']).at(-1)
        if (last) get().setSettings(last)
        return
      }
      const reducer = PUSH_REDUCERS[channel]
      if (reducer) set((state) => reducer(state, items as never))
    },
    applySnapshot: (snapshot) => set((state) => reduceSnapshot(state, snapshot)),
    applyLogTails: (profileId, tails) => set((state) => reduceLogTails(state, profileId, tails)),
    clearServerData: (profileId) =>
      set((state) => {
        const next: Partial<ConsoleState> = {}
        for (const part of PER_PROFILE_DATA) {
          const copy: Record<string, unknown> = profileId === null ? {} : { ...state[part] }
          if (profileId !== null) delete copy[profileId]
          Object.assign(next, { [part]: copy })
        }
        next.logs = Object.fromEntries(
          Object.entries(state.logs).filter(
            ([, stream]) => profileId !== null && stream.profileId !== profileId
          )
        )
        return next
      })
  }))
}
