/**
 * Console logs per profile and process, each in a bounded LineRing. Rings are mutated in place (copying 100,000
 * lines per batch would not stay smooth); every change swaps in a new LogStream with a higher `version`, which is
 * what components select on.
 */
import type { StateCreator } from 'zustand'
import type { PushChannels } from '../../../shared/ipc/contract'
import type { LogChunk } from '../../../shared/models'
import { DEFAULT_LOG_CAPACITY, LineRing } from '../logs/line-ring'
import type { ConsoleState } from './console-store'

export interface LogStream {
  profileId: string
  process: string
  run: string
  ring: LineRing
  stale: boolean
  version: number
}

export interface LogsSlice {
  logs: Record<string, LogStream>
  logCapacity: number
  /**
   * Per profile, the session seq of the last snapshot applied: pushed log and transition items at or below it are
   * already in the snapshot and are skipped.
   */
  sessionFloor: Record<string, number>
}

/** The key of one process's log within one profile. */
export function logKey(profileId: string, process: string): string {
  return `${profileId}\n${process}`
}

export function createLogsSlice(
  capacity = DEFAULT_LOG_CAPACITY
): StateCreator<ConsoleState, [], [], LogsSlice> {
  return () => ({ logs: {}, logCapacity: capacity, sessionFloor: {} })
}

/** Appends pushed lines; a new run starts a fresh ring, as Dinky starts a fresh log. */
export function reduceLogAppend(
  state: ConsoleState,
  chunks: PushChannels['logs:append']
): Partial<ConsoleState> {
  const logs = { ...state.logs }
  for (const chunk of chunks) {
    // Already contained in the snapshot the store was loaded from.
    if (chunk.sessionSeq <= (state.sessionFloor[chunk.profileId] ?? -1)) continue
    const key = logKey(chunk.profileId, chunk.process)
    const current = logs[key]
    const ring =
      current && current.run === chunk.run ? current.ring : new LineRing(state.logCapacity)
    ring.append(chunk.lines)
    logs[key] = {
      profileId: chunk.profileId,
      process: chunk.process,
      run: chunk.run,
      ring,
      stale: chunk.stale,
      version: (current?.version ?? 0) + 1
    }
  }
  return { logs }
}

/** Replaces the logs of the given processes with tails (from a snapshot or `logs:follow`). */
export function reduceLogTails(
  state: ConsoleState,
  profileId: string,
  tails: readonly LogChunk[]
): Partial<ConsoleState> {
  const logs = { ...state.logs }
  for (const tail of tails) {
    const key = logKey(profileId, tail.process)
    const ring = new LineRing(state.logCapacity)
    ring.append(tail.lines)
    logs[key] = {
      profileId,
      process: tail.process,
      run: tail.run,
      ring,
      stale: tail.stale,
      version: (logs[key]?.version ?? 0) + 1
    }
  }
  return { logs }
}
