/**
 * Each session's timeline reaches the renderer (issue 22): the fan-out forwards a session's timeline events and away
 * summaries while it is attached and lets go of them when it closes or is replaced; the push batcher concatenates
 * events and keeps the latest away summary per server.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { withFanout } from '../../../src/main/electron/session-fanout'
import { createPushBatcher } from '../../../src/main/ipc/push-batcher'
import { systemClock } from '../../../src/main/core/ports'
import type { SessionHandle, SessionManager } from '../../../src/main/core/session/session-api'
import type { ServerTimeline } from '../../../src/main/core/timeline/timeline-api'
import type { PushChannel, PushMessage } from '../../../src/shared/ipc/contract'
import type { AwaySummary, TimelineEvent } from '../../../src/shared/timeline'
import { createServerProfile } from '../../../src/shared/profiles'

function fakeSession(profileId: string) {
  const events = new Set<(event: TimelineEvent) => void>()
  const aways = new Set<(summary: AwaySummary | null) => void>()
  const timeline = {
    profileId,
    subscribe: (listener: (event: TimelineEvent) => void) => {
      events.add(listener)
      return () => events.delete(listener)
    },
    onAway: (listener: (summary: AwaySummary | null) => void) => {
      aways.add(listener)
      return () => aways.delete(listener)
    }
  } as unknown as ServerTimeline
  const session = {
    profileId,
    timeline,
    snapshot: () => ({ streams: {} }),
    subscribe: () => () => undefined
  } as unknown as SessionHandle
  return {
    session,
    emit: (event: TimelineEvent) => events.forEach((listener) => listener(event)),
    away: (summary: AwaySummary | null) => aways.forEach((listener) => listener(summary)),
    listeners: () => events.size + aways.size
  }
}

const event = (id: string, profileId = 'p1'): TimelineEvent => ({
  id,
  at: 1,
  profileId,
  jobId: 7,
  taskId: 3,
  jobName: 'orders',
  kind: 'restart',
  count: 1,
  total: 1
})

const summary = (profileId: string, until: number): AwaySummary => ({
  profileId,
  since: 0,
  until,
  changes: [],
  counts: {},
  gaps: []
})

describe('timeline fan-out', () => {
  it('forwards events and away summaries while attached, and lets go on close and on reopen', async () => {
    const made: Array<ReturnType<typeof fakeSession>> = []
    const manager = {
      open: async (profile: { id: string }) => {
        made.push(fakeSession(profile.id))
        return made.at(-1)!.session
      },
      close: async () => undefined,
      closeAll: async () => undefined
    } as unknown as SessionManager
    const got: unknown[] = []
    const { manager: fanout } = withFanout(manager, {
      envelope: () => undefined,
      statesChanged: () => undefined,
      timeline: (e) => got.push(e.id),
      away: (profileId, s) => got.push([profileId, s?.until ?? null])
    })
    const profile = createServerProfile({ id: 'p1', name: 'Prod', url: 'http://dinky:8888' })
    await fanout.open(profile)
    made[0]!.emit(event('a'))
    made[0]!.away(summary('p1', 5))
    made[0]!.away(null)
    expect(got).toEqual(['a', ['p1', 5], ['p1', null]])

    // A saved profile gets a new session: the old one is no longer heard.
    await fanout.open(profile)
    expect(made[0]!.listeners()).toBe(0)
    made[0]!.emit(event('old'))
    made[1]!.emit(event('b'))
    expect(got.at(-1)).toBe('b')
    expect(got).not.toContain('old')

    await fanout.close('p1')
    expect(made[1]!.listeners()).toBe(0)
  })
})

describe('timeline pushes', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('concatenates events and keeps the latest away summary per server within a batch', () => {
    const sent: Array<{ channel: PushChannel; message: PushMessage<PushChannel> }> = []
    const batcher = createPushBatcher(
      (channel, message) => sent.push({ channel, message: message as PushMessage<PushChannel> }),
      systemClock
    )
    batcher.push('timeline:event', event('a'))
    batcher.push('timeline:event', event('b', 'p2'))
    batcher.push('timeline:away', { profileId: 'p1', summary: summary('p1', 1) })
    batcher.push('timeline:away', { profileId: 'p2', summary: summary('p2', 2) })
    batcher.push('timeline:away', { profileId: 'p1', summary: null })
    vi.advanceTimersByTime(60)
    const byChannel = Object.fromEntries(sent.map((s) => [s.channel, s.message.items]))
    expect((byChannel['timeline:event'] as TimelineEvent[]).map((e) => e.id)).toEqual(['a', 'b'])
    expect(byChannel['timeline:away']).toEqual([
      { profileId: 'p1', summary: null },
      { profileId: 'p2', summary: summary('p2', 2) }
    ])
    batcher.dispose()
  })
})
