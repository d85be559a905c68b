import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPushBatcher } from '../../../src/main/ipc/push-batcher'
import { systemClock } from '../../../src/main/core/ports'
import type { PushChannel, PushMessage } from '../../../src/shared/ipc/contract'
import type { SessionEnvelope } from '../../../src/shared/session'

type Sent = { channel: PushChannel; message: PushMessage<PushChannel>; at: number }

function setup() {
  const sent: Sent[] = []
  const batcher = createPushBatcher(
    (channel, message) =>
      sent.push({ channel, message: message as PushMessage<PushChannel>, at: Date.now() }),
    systemClock
  )
  return { sent, batcher }
}

const log = (seq: number, lines: string[], run = 'r1'): SessionEnvelope => ({
  profileId: 'p',
  seq,
  update: { type: 'log', chunk: { process: 'FlinkSubmit/1', run, lines, stale: false } }
})

describe('push batcher', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('sends at most one message per channel per 50 ms, concatenating log lines', () => {
    const { sent, batcher } = setup()
    for (let i = 0; i < 1000; i++) batcher.pushEnvelope(log(i + 1, [`line ${i}`]))
    vi.advanceTimersByTime(0)
    expect(sent).toHaveLength(1)
    const first = sent[0]!.message.items as Array<{ lines: string[]; sessionSeq: number }>
    expect(first).toHaveLength(1)
    expect(first[0]!.lines).toHaveLength(1000)
    expect(first[0]!.sessionSeq).toBe(1000)

    for (let i = 0; i < 10; i++) {
      batcher.pushEnvelope(log(2000 + i, [`more ${i}`]))
      vi.advanceTimersByTime(10)
    }
    vi.advanceTimersByTime(100)
    expect(sent).toHaveLength(3)
    for (let i = 1; i < sent.length; i++)
      expect(sent[i]!.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(50)
    const lines = sent.flatMap((s) => (s.message.items as Array<{ lines: string[] }>)[0]!.lines)
    expect(lines).toHaveLength(1010)
    expect(sent.map((s) => s.message.seq)).toEqual([1, 2, 3])
  })

  it('keeps runs apart and does not mutate the session chunk', () => {
    const { sent, batcher } = setup()
    const a = log(1, ['a'], 'r1')
    batcher.pushEnvelope(a)
    batcher.pushEnvelope(log(2, ['b'], 'r2'))
    batcher.pushEnvelope(log(3, ['c'], 'r2'))
    batcher.flush()
    const items = sent[0]!.message.items as Array<{ run: string; lines: string[] }>
    expect(items.map((i) => [i.run, i.lines])).toEqual([
      ['r1', ['a']],
      ['r2', ['b', 'c']]
    ])
    expect(a.update.type === 'log' && a.update.chunk.lines).toEqual(['a'])
  })

  it('lets the latest state per profile and stream win within a batch', () => {
    const { sent, batcher } = setup()
    const state = (
      profileId: string,
      stream: 'topics' | 'jvm',
      since: number
    ): SessionEnvelope => ({
      profileId,
      seq: since,
      update: { type: 'state', stream, state: { kind: 'live', since } }
    })
    batcher.pushEnvelope(state('a', 'topics', 1))
    batcher.pushEnvelope(state('a', 'jvm', 2))
    batcher.pushEnvelope(state('a', 'topics', 3))
    batcher.pushEnvelope(state('b', 'topics', 4))
    vi.advanceTimersByTime(0)
    expect(sent).toHaveLength(1)
    expect(sent[0]!.message.items).toEqual([
      { profileId: 'a', stream: 'topics', state: { kind: 'live', since: 3 } },
      { profileId: 'a', stream: 'jvm', state: { kind: 'live', since: 2 } },
      { profileId: 'b', stream: 'topics', state: { kind: 'live', since: 4 } }
    ])
  })

  it('merges the changes of open alerts within a batch: the later change of a key wins', () => {
    const { sent, batcher } = setup()
    const alert = (key: string, detail = '') => ({ key, detail }) as never
    batcher.push('alerts:active', { reset: false, upserts: [alert('a', 'x')], removed: ['c'] })
    batcher.push('alerts:active', { reset: false, upserts: [alert('b'), alert('c')], removed: [] })
    batcher.push('alerts:active', { reset: false, upserts: [alert('a', 'y')], removed: ['b'] })
    vi.advanceTimersByTime(0)
    expect(sent.map((s) => s.message.items)).toEqual([
      [{ reset: false, upserts: [alert('a', 'y'), alert('c')], removed: ['b'] }]
    ])
    batcher.push('alerts:active', { reset: false, upserts: [alert('a')], removed: [] })
    batcher.push('alerts:active', { reset: true, upserts: [alert('d')], removed: [] })
    vi.advanceTimersByTime(50)
    expect(sent.at(-1)!.message.items).toEqual([
      { reset: true, upserts: [alert('d')], removed: [] }
    ])
  })

  it('numbers each channel on its own and sends nothing after dispose', () => {
    const { sent, batcher } = setup()
    batcher.push('cache:cleared', { profileId: null })
    batcher.pushEnvelope(log(1, ['x']))
    batcher.flush()
    batcher.push('cache:cleared', { profileId: 'p' })
    batcher.flush()
    expect(sent.map((s) => [s.channel, s.message.seq])).toEqual([
      ['cache:cleared', 1],
      ['logs:append', 1],
      ['cache:cleared', 2]
    ])
    batcher.push('cache:cleared', { profileId: 'q' })
    batcher.dispose()
    vi.advanceTimersByTime(1000)
    expect(sent).toHaveLength(3)
    expect(batcher.sequences()).toEqual({ 'cache:cleared': 2, 'logs:append': 1 })
  })
})
