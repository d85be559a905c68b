/**
 * Server profiles, connection states per stream, and who is logged in, per profile. The badge reads these; it
 * never infers a state from missing data.
 */
import type { StateCreator } from 'zustand'
import type { ConnectionState, StreamName } from '../../../shared/connection'
import type { ProfilesState, PushChannels } from '../../../shared/ipc/contract'
import type { ServerProfile } from '../../../shared/profiles'
import type { SessionUser } from '../../../shared/session'
import type { ConsoleState } from './console-store'

export interface ServerFacts {
  version: string | null
  transport: 'sse' | 'ws' | null
}

export interface ConnectionSlice {
  profiles: ServerProfile[]
  selectedProfileId: string | null
  withPassword: string[]
  streams: Record<string, Partial<Record<StreamName, ConnectionState>>>
  users: Record<string, SessionUser | null>
  servers: Record<string, ServerFacts>
  setProfiles: (profiles: ProfilesState) => void
}

export const createConnectionSlice: StateCreator<ConsoleState, [], [], ConnectionSlice> = (
  set
) => ({
  profiles: [],
  selectedProfileId: null,
  withPassword: [],
  streams: {},
  users: {},
  servers: {},
  setProfiles: (state) =>
    set({
      profiles: state.profiles,
      selectedProfileId: state.selectedId,
      withPassword: state.withPassword
    })
})

/** Latest state per profile and stream wins. */
export function reduceConnectionStates(
  state: ConsoleState,
  items: PushChannels['connection:state']
): Partial<ConsoleState> {
  const streams = { ...state.streams }
  for (const item of items) {
    streams[item.profileId] = { ...streams[item.profileId], [item.stream]: item.state }
  }
  return { streams }
}

export function reduceUsers(
  state: ConsoleState,
  items: PushChannels['session:user']
): Partial<ConsoleState> {
  const users = { ...state.users }
  for (const item of items) users[item.profileId] = item.user
  return { users }
}
