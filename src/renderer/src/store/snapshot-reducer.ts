/**
 * Applies a `session:snapshot` reply: everything a fresh consumer needs to draw one server. Parts the store already
 * has from a later push are kept (see `supersedes`); connection states and JVM samples are replaced outright.
 */
import type { SessionSnapshot } from '../../../shared/session'
import type { ConsoleState } from './console-store'
import { reduceClusters, reduceSysInfo } from './clusters-slice'
import { reduceJobs } from './jobs-slice'
import { reduceLogTails } from './logs-slice'

export function reduceSnapshot(
  state: ConsoleState,
  snapshot: SessionSnapshot
): Partial<ConsoleState> {
  const profileId = snapshot.profileId
  let next: ConsoleState = {
    ...state,
    streams: { ...state.streams, [profileId]: snapshot.streams },
    users: { ...state.users, [profileId]: snapshot.user },
    servers: {
      ...state.servers,
      [profileId]: { version: snapshot.serverVersion, transport: snapshot.transport }
    },
    jvm: { ...state.jvm, [profileId]: snapshot.jvm },
    sessionFloor: { ...state.sessionFloor, [profileId]: snapshot.seq }
  }
  if (snapshot.jobs) {
    next = {
      ...next,
      ...reduceJobs(next, [{ profileId, jobs: snapshot.jobs, counts: snapshot.counts }])
    }
  }
  if (snapshot.clusters) {
    const clusters = [
      { profileId, clusters: snapshot.clusters, taskManagers: snapshot.taskManagers }
    ]
    next = { ...next, ...reduceClusters(next, clusters) }
  }
  if (snapshot.sysInfo) {
    next = { ...next, ...reduceSysInfo(next, [{ profileId, sysInfo: snapshot.sysInfo }]) }
  }
  next = { ...next, ...reduceLogTails(next, profileId, snapshot.logs) }
  return next
}
