/**
 * Binds the store to main, once, outside React. Each push channel is numbered: a gap makes the renderer ask
 * `session:snapshot` for every profile, because the batch it missed could have said anything. Numbered items (log lines, transitions) of a profile whose snapshot is on its way are held back and
 * replayed after it, so none is lost or applied twice. A gap in `metrics:update` re-reads the open metrics views
 * instead (a snapshot holds no metrics). Also loads what the first frame needs.
 */
import { PUSH_CHANNELS, type PushChannel, type PushChannels } from '../../../shared/ipc/contract'
import type { ConsoleStore } from '../store/console-store'
import type { ConsoleApi } from './console-api'
import { resyncMetricsViews } from './metrics-resync'
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

/** Channels whose items carry a `sessionSeq` and are appended, not replaced. */
type NumberedChannel = 'logs:append' | 'jobs:transition'
const NUMBERED = new Set<PushChannel>(['logs:append', 'jobs:transition'])

export interface IpcBinding {
  sync: SnapshotSync
  /** Resolves when the initial load has finished. */
  ready: Promise<void>
  dispose: () => void
}

/** Subscribes every push channel and starts the initial load; call once, in `main.tsx`. */
export function bindStoreToIpc(api: ConsoleApi, store: ConsoleStore): IpcBinding {
  const lastSeq = new Map<PushChannel, number>()
  const held = new Map<string, Array<{ channel: NumberedChannel; items: unknown[] }>>()

  const replayHeld = (profileId: string) => {
    const batches = held.get(profileId) ?? []
    held.delete(profileId)
    for (const { channel, items } of batches) store.getState().applyPush(channel, items as never)
  }
  const sync = createSnapshotSync(api, store, replayHeld)

  const onMessage = <C extends PushChannel>(channel: C, seq: number, items: PushChannels[C]) => {
    const previous = lastSeq.get(channel)
    lastSeq.set(channel, seq)
    // A channel's first message is never a gap, whatever its number: main numbers each channel for the whole app, so
    // messages sent before this page listened (or before a reload) are numbered too, and the initial load reads every
    // server after listening. (Taking a first number above 1 for a gap cost each server a whole snapshot while idle,
    // when its first JVM sample arrived: the scale bench.)
    const gap = previous !== undefined && seq !== previous + 1
    const state = store.getState()
    if (channel === 'cache:cleared') {
      for (const { profileId } of items as PushChannels['cache:cleared']) {
        state.clearServerData(profileId)
      }
      sync.resync(state.profiles.map((profile) => profile.id))
      return
    }
    if (channel === 'metrics:update' && gap) void resyncMetricsViews(api, store)
    // Open alerts come as changes: after a lost one, the whole list is asked again (pushes after it apply on top).
    if (channel === 'alerts:active' && gap)
      void api.invoke('alerts:active').then((answer) => {
        if (answer.ok) store.getState().setActiveAlerts(answer.value)
      })
    if (DATA_CHANNELS.has(channel) && gap) {
      // A gap may have hidden any profile's update (the items name profiles a profile list may not have yet).
      const concerned = new Set(
        (items as Array<{ profileId: string }>).map((item) => item.profileId)
      )
      for (const profile of state.profiles) concerned.add(profile.id)
      sync.resync(concerned)
    }
    if (!NUMBERED.has(channel)) return state.applyPush(channel, items)
    const now: unknown[] = []
    for (const item of items as Array<{ profileId: string }>) {
      if (!sync.pending(item.profileId)) now.push(item)
      else {
        const queue = held.get(item.profileId) ?? []
        queue.push({ channel: channel as NumberedChannel, items: [item] })
        held.set(item.profileId, queue)
      }
    }
    if (now.length > 0) state.applyPush(channel, now as PushChannels[C])
  }

  const unsubscribers = PUSH_CHANNELS.map((channel) =>
    api.on(channel, (message) => onMessage(channel, message.seq, message.items))
  )
  unsubscribers.push(
    api.on('app:navigate', (message) => void switchServerFor(api, store, sync, message.items))
  )
  const ready = loadInitialState(api, store, sync)
  return {
    sync,
    ready,
    dispose: () => unsubscribers.forEach((unsubscribe) => unsubscribe())
  }
}

/** A notification or tray entry may name another server than the one shown: switch to it, as the switcher does. */
async function switchServerFor(
  api: ConsoleApi,
  store: ConsoleStore,
  sync: SnapshotSync,
  items: PushChannels['app:navigate']
): Promise<void> {
  const target = items.at(-1)?.profileId
  if (!target || store.getState().selectedProfileId === target) return
  const result = await api.invoke('profiles:select', { profileId: target })
  if (!result.ok) return
  store.getState().setProfiles(result.value)
  sync.resync([target])
}

async function loadInitialState(api: ConsoleApi, store: ConsoleStore, sync: SnapshotSync) {
  const [info, settings, profiles, alerts] = await Promise.all([
    api.invoke('app:info'),
    api.invoke('settings:get'),
    api.invoke('profiles:list'),
    api.invoke('alerts:active')
  ])
  const state = store.getState()
  if (alerts.ok) state.setActiveAlerts(alerts.value)
  if (info.ok) state.setAppInfo(info.value)
  if (settings.ok) state.setSettings(settings.value)
  if (profiles.ok) {
    state.setProfiles(profiles.value)
    // Several servers: the fleet overview answers "is anything wrong anywhere?" first (issue 23).
    if (profiles.value.profiles.length > 1 && store.getState().view === 'overview') {
      state.navigate('fleet')
    }
    sync.resync(profiles.value.profiles.map((profile) => profile.id))
  }
  await sync.idle()
}
