/**
 * Atomic selectors over the console store. Each returns a value already in the state (or a primitive), so
 * components re-render only when what they show changed.
 */
import { worstState, type ConnectionState } from '../../../shared/connection'
import type { Cluster, Fresh, Job, StatusCounts, SysInfo } from '../../../shared/models'
import type { ServerProfile } from '../../../shared/profiles'
import type { SessionUser } from '../../../shared/session'
import type { ConsoleState } from './console-store'
import { logKey, type LogStream } from './logs-slice'

const NO_PROFILE = ''

export const selectProfileId = (state: ConsoleState): string =>
  state.selectedProfileId ?? NO_PROFILE

export const selectProfile = (state: ConsoleState): ServerProfile | undefined =>
  state.profiles.find((profile) => profile.id === state.selectedProfileId)

/** The selected server is only watched (issue 23): every action that changes Dinky is disabled. */
export const selectIsReadOnly = (state: ConsoleState): boolean =>
  selectProfile(state)?.readOnly === true

/** The worst state over the selected server's streams: what the badge shows. */
export const selectConnection = (state: ConsoleState): ConnectionState | undefined =>
  worstState(Object.values(state.streams[selectProfileId(state)] ?? {}))

export const selectIsLive = (state: ConsoleState): boolean =>
  selectConnection(state)?.kind === 'live'

export const selectUser = (state: ConsoleState): SessionUser | null =>
  state.users[selectProfileId(state)] ?? null

export const selectJobs = (state: ConsoleState): Fresh<Job[]> | undefined =>
  state.jobs[selectProfileId(state)]

export const selectCounts = (state: ConsoleState): Fresh<StatusCounts> | undefined =>
  state.counts[selectProfileId(state)]

export const selectClusters = (state: ConsoleState): Fresh<Cluster[]> | undefined =>
  state.clusters[selectProfileId(state)]

export const selectSysInfo = (state: ConsoleState): Fresh<SysInfo> | undefined =>
  state.sysInfo[selectProfileId(state)]

export const selectLog =
  (process: string | null) =>
  (state: ConsoleState): LogStream | undefined =>
    process === null ? undefined : state.logs[logKey(selectProfileId(state), process)]

/** Process names with a log in the selected server, for the Logs view's picker. */
export const selectLogProcesses = (state: ConsoleState): string => {
  const profileId = selectProfileId(state)
  return Object.values(state.logs)
    .filter((stream) => stream.profileId === profileId)
    .map((stream) => stream.process)
    .sort()
    .join('\n')
}

/** The resolved theme: the choice, or the OS's when the choice is "system". */
export const selectDark = (state: ConsoleState): boolean =>
  state.settings.theme === 'system' ? state.systemDark : state.settings.theme === 'dark'

/** The resolved UI language. */
export const selectLanguage = (state: ConsoleState): 'zh-CN' | 'en-US' => {
  const choice = state.settings.language
  if (choice !== 'system') return choice
  return (state.appInfo?.locale ?? navigator.language).toLowerCase().startsWith('zh')
    ? 'zh-CN'
    : 'en-US'
}
