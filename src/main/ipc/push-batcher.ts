/**
 * Batches what sessions emit onto the IPC push channels: at most one message per channel per interval (50 ms), the
 * latest value winning for state-like channels and items concatenating for streams (log lines, transitions, samples).
 * Each message carries its channel's own sequence number so the renderer can detect a gap.
 * Electron-free: the sender is injected, so this is tested in Node.
 */
import type { Clock, TimerHandle } from '../core/ports'
import type { PushChannel, PushChannels, PushMessage } from '../../shared/ipc/contract'
import type { JobHealthSummary } from '../../shared/job-health'
import type { SessionEnvelope } from '../../shared/session'
import { HealthPushes } from './health-push'
import { IdleJobPolls, jobsItemOf, mergeJobsItems, type JobsItem } from './jobs-push'
import { mergeAlertsChanges } from '../../shared/alerts-changes'

type Item<C extends PushChannel> = PushChannels[C][number]

/** How items of a channel combine within one batch: a key (latest per key wins) or concatenation. */
const LATEST_BY: { [C in PushChannel]?: (item: Item<C>) => string } = {
  'connection:state': (item) => `${item.profileId}\u0000${item.stream}`,
  /** Merged rather than replaced: see `MERGE`. */
  'jobs:snapshot': (item) => item.profileId,
  'clusters:snapshot': (item) => item.profileId,
  'sysinfo:snapshot': (item) => item.profileId,
  'session:user': (item) => item.profileId,
  'settings:changed': () => '',
  'updates:status': () => '',
  'jobHealth:update': (item) => `${item.profileId}\u0000${item.summary.instanceId}`,
  'timeline:away': (item) => item.profileId,
  /** Merged rather than replaced: each item is a change of the open alerts (see `MERGE`). */
  'alerts:active': () => ''
}

/** Channels whose items of one key combine rather than the latest replacing the earlier. */
const MERGE: { [C in PushChannel]?: (first: Item<C>, second: Item<C>) => Item<C> } = {
  'jobs:snapshot': (first, second) => mergeJobsItems(first as JobsItem, second as JobsItem),
  'alerts:active': (first, second) => mergeAlertsChanges(first, second)
}

export type PushSender = <C extends PushChannel>(channel: C, message: PushMessage<C>) => void

export interface PushBatcher {
  /** Maps one session update to its channel and queues it. */
  pushEnvelope(envelope: SessionEnvelope): void
  push<C extends PushChannel>(channel: C, item: Item<C>): void
  /** The renderer got these health summaries in an answer: a reading saying the same is not pushed again. */
  noteHealthShown(profileId: string, summaries: readonly JobHealthSummary[]): void
  /** Sends everything pending now. */
  flush(): void
  /** The last sequence number sent on each channel. */
  sequences(): Record<string, number>
  dispose(): void
}

interface Pending {
  items: unknown[]
  keys: Map<string, number> | null
  timer: TimerHandle | null
}

export function createPushBatcher(
  send: PushSender,
  clock: Clock,
  options: { intervalMs?: number } = {}
): PushBatcher {
  const intervalMs = options.intervalMs ?? 50
  const pending = new Map<PushChannel, Pending>()
  const lastSentAt = new Map<PushChannel, number>()
  const seq = new Map<PushChannel, number>()
  const idleJobs = new IdleJobPolls()
  const healthSent = new HealthPushes()
  let disposed = false

  function flushChannel(channel: PushChannel): void {
    const batch = pending.get(channel)
    if (!batch) return
    if (batch.timer) clock.clearTimeout(batch.timer)
    pending.delete(channel)
    if (batch.items.length === 0) return
    const next = (seq.get(channel) ?? 0) + 1
    seq.set(channel, next)
    lastSentAt.set(channel, clock.now())
    send(channel, { seq: next, items: batch.items } as PushMessage<typeof channel>)
  }

  function push<C extends PushChannel>(channel: C, item: Item<C>): void {
    if (disposed) return
    // A cleared cache empties the renderer's summaries too: the next reading of each job goes out again.
    if (channel === 'cache:cleared') healthSent.forget((item as Item<'cache:cleared'>).profileId)
    let batch = pending.get(channel)
    if (!batch) {
      batch = { items: [], keys: LATEST_BY[channel] ? new Map() : null, timer: null }
      pending.set(channel, batch)
      const wait = Math.max(0, (lastSentAt.get(channel) ?? -Infinity) + intervalMs - clock.now())
      batch.timer = clock.setTimeout(() => flushChannel(channel), wait)
    }
    const keyOf = LATEST_BY[channel] as ((item: Item<C>) => string) | undefined
    if (keyOf && batch.keys) {
      const key = keyOf(item)
      const at = batch.keys.get(key)
      const merge = MERGE[channel] as ((a: Item<C>, b: Item<C>) => Item<C>) | undefined
      if (at === undefined) batch.keys.set(key, batch.items.push(item) - 1)
      else batch.items[at] = merge ? merge(batch.items[at] as Item<C>, item) : item
    } else if (channel === 'logs:append') {
      appendLogItem(batch.items as Item<'logs:append'>[], item as Item<'logs:append'>)
    } else {
      batch.items.push(item)
    }
  }

  return {
    push,
    noteHealthShown: (profileId, summaries) => healthSent.note(profileId, summaries),
    pushEnvelope(envelope) {
      const { profileId, seq: sessionSeq, update } = envelope
      switch (update.type) {
        case 'state': {
          // The age of the last idle poll goes first: the renderer must know it once the state says not live.
          // Sent at once, even within 50 ms of the channel's last message, so that it arrives before the state.
          const held = idleJobs.take(profileId)
          if (held) {
            push('jobs:snapshot', held)
            flushChannel('jobs:snapshot')
          }
          return push('connection:state', { profileId, stream: update.stream, state: update.state })
        }
        case 'jobs': {
          const item = jobsItemOf(profileId, update)
          if (!item) return idleJobs.note(profileId, update)
          idleJobs.clear(profileId)
          return push('jobs:snapshot', item)
        }
        case 'job':
          return push('jobs:transition', { ...update.transition, profileId, sessionSeq })
        case 'log':
          return push('logs:append', {
            ...update.chunk,
            lines: [...update.chunk.lines],
            profileId,
            sessionSeq
          })
        case 'clusters':
          return push('clusters:snapshot', {
            profileId,
            clusters: update.clusters,
            taskManagers: update.taskManagers
          })
        case 'sysinfo':
          return push('sysinfo:snapshot', { profileId, sysInfo: update.sysInfo })
        case 'jvm':
          return push('jvm:sample', { ...update.sample, profileId })
        case 'user':
          return push('session:user', { profileId, user: update.user })
        case 'error':
          return
        case 'job-health':
          // A sweep's reading that only moved `asOf` is not sent (health-push.ts); a drawer's detail always is.
          if (!healthSent.changed(profileId, update.summary) && update.detail === null) return
          return push('jobHealth:update', {
            profileId,
            summary: update.summary,
            detail: update.detail
          })
      }
    },
    flush() {
      for (const channel of [...pending.keys()]) flushChannel(channel)
    },
    sequences: () => Object.fromEntries(seq),
    dispose() {
      disposed = true
      for (const batch of pending.values()) if (batch.timer) clock.clearTimeout(batch.timer)
      pending.clear()
    }
  }
}

/** Adjacent chunks of one run merge into one, so a burst of events becomes one array of lines. */
function appendLogItem(items: Item<'logs:append'>[], item: Item<'logs:append'>): void {
  const last = items[items.length - 1]
  if (
    last &&
    last.profileId === item.profileId &&
    last.process === item.process &&
    last.run === item.run &&
    last.stale === item.stale
  ) {
    for (const line of item.lines) last.lines.push(line)
    last.sessionSeq = item.sessionSeq
  } else {
    items.push(item)
  }
}
