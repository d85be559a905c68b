/**
 * Binds the store to main, once, outside React. Each push channel is numbered: the first message and any gap make
 * the renderer ask `session:snapshot` for the profiles concerned, because the batch it missed could have said
 * anything. Also loads what the first frame needs (app info, settings, profiles, snapshots).
 */
import { PUSH_CHANNELS, type PushChannel, type PushChannels } from '../../../shared/ipc/contract'
import type { ConsoleStore } from '../store/console-store'
import type { ConsoleApi } from './console-api'
import { createSnapshotSync, type SnapshotSync } from './snapshot-sync'

/** Channels whose messages are server data; a gap in them means the store may be out of date. */
const DATA_CHANNELS: ReadonlySet<PushChannel> = new Set<PushChannel>([
  'connection:state',
  'jobs:snapshot',
  'jobs:transition',
  'logs:append',
  'clusters:snapshot',
  'sysinfo:snapshot',
  'jvm:sample',
  'session:user'
])

export interface IpcBinding {
  sync: SnapshotSync
  /** Resolves when the initial load has finished. */
  ready: Promise<void>
  dispose: () => void
}

/** Subscribes every push channel and starts the initial load; call once, in `main.tsx`. */
export function bindStoreToIpc(api: ConsoleApi, store: ConsoleStore): IpcBinding {
  const sync = createSnapshotSync(api, store)
  const lastSeq = new Map<PushChannel, number>()

  const onMessage = <C extends PushChannel>(channel: C, seq: number, items: PushChannels[C]) => {
    const previous = lastSeq.get(channel)
    lastSeq.set(channel, seq)
    const state = store.getState()
    state.applyPush(channel, items)
    if (channel === 'cache:cleared') {
      const cleared = items as PushChannels['cache:cleared']
      for (const { profileId } of cleared) state.clearServerData(profileId)
      sync.resync(state.profiles.map((profile) => profile.id))
      return
    }
    if (!DATA_CHANNELS.has(channel) || previous === seq - 1) return
    const concerned = new Set((items as Array<{ profileId: string }>).map((item) => item.profileId))
    // A gap may have hidden any profile's update; the first message only speaks for its own.
    if (previous !== undefined) for (const profile of state.profiles) concerned.add(profile.id)
    sync.resync(concerned)
  }

  const unsubscribers = PUSH_CHANNELS.map((channel) =>
    api.on(channel, (message) => onMessage(channel, message.seq, message.items))
  )
  const ready = loadInitialState(api, store, sync)
  return {
    sync,
    ready,
    dispose: () => unsubscribers.forEach((unsubscribe) => unsubscribe())
  }
}

async function loadInitialState(api: ConsoleApi, store: ConsoleStore, sync: SnapshotSync) {
  const [info, settings, profiles] = await Promise.all([
    api.invoke('app:info'),
    api.invoke('settings:get'),
    api.invoke('profiles:list')
  ])
  const state = store.getState()
  if (info.ok) state.setAppInfo(info.value)
  if (settings.ok) state.setSettings(settings.value)
  if (profiles.ok) {
    state.setProfiles(profiles.value)
    sync.resync(profiles.value.profiles.map((profile) => profile.id))
  }
  await sync.idle()
}
