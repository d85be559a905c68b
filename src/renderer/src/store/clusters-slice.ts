/**
 * Flink clusters with their task managers, and Dinky's own JVM (system info and a bounded series of samples for
 * the sparklines), per profile.
 */
import type { StateCreator } from 'zustand'
import type { PushChannels } from '../../../shared/ipc/contract'
import type { Cluster, Fresh, JvmSample, SysInfo, TaskManager } from '../../../shared/models'
import type { ConsoleState } from './console-store'
import { supersedes } from './jobs-slice'

/** 180 samples: half an hour at Dinky's 10 s JVM interval. */
export const JVM_SAMPLES_KEPT = 180

export interface ClustersSlice {
  clusters: Record<string, Fresh<Cluster[]>>
  taskManagers: Record<string, Record<number, TaskManager[]>>
  sysInfo: Record<string, Fresh<SysInfo>>
  jvm: Record<string, JvmSample[]>
}

export const createClustersSlice: StateCreator<ConsoleState, [], [], ClustersSlice> = () => ({
  clusters: {},
  taskManagers: {},
  sysInfo: {},
  jvm: {}
})

/**
 * Main marks the live list stale when the cluster list failed alone (issue 13): the same list at the same time,
 * now stale with a reason. `supersedes` keeps a live copy over a cached one of the same time, so it would drop it.
 */
const wentStale = (incoming: Fresh<Cluster[]>, current: Fresh<Cluster[]> | undefined) =>
  incoming.stale && incoming.staleReason !== undefined && incoming.asOf === current?.asOf

export function reduceClusters(
  state: ConsoleState,
  items: PushChannels['clusters:snapshot']
): Partial<ConsoleState> {
  const clusters = { ...state.clusters }
  const taskManagers = { ...state.taskManagers }
  for (const item of items) {
    const current = clusters[item.profileId]
    if (!supersedes(item.clusters, current) && !wentStale(item.clusters, current)) continue
    clusters[item.profileId] = item.clusters
    taskManagers[item.profileId] = item.taskManagers
  }
  return { clusters, taskManagers }
}

export function reduceSysInfo(
  state: ConsoleState,
  items: PushChannels['sysinfo:snapshot']
): Partial<ConsoleState> {
  const sysInfo = { ...state.sysInfo }
  for (const item of items) {
    if (supersedes(item.sysInfo, sysInfo[item.profileId])) sysInfo[item.profileId] = item.sysInfo
  }
  return { sysInfo }
}

export function reduceJvmSamples(
  state: ConsoleState,
  items: PushChannels['jvm:sample']
): Partial<ConsoleState> {
  const jvm = { ...state.jvm }
  for (const { profileId, ...sample } of items) {
    jvm[profileId] = [...(jvm[profileId] ?? []), sample].slice(-JVM_SAMPLES_KEPT)
  }
  return { jvm }
}
