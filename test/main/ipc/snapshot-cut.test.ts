/**
 * A `session:snapshot` taken while the push batcher still holds console-log lines (the job drawer asks for one right
 * after `logs:follow`, while the stream keeps writing). The batcher merges a run's lines under the newest item's
 * `sessionSeq`, and the renderer skips pushed items at or below the snapshot's `seq` and appends the rest; so a batch
 * straddling the snapshot would bring back lines the snapshot's tail already has (a repeated line on screen).
 * Real batcher and request handlers; the session is a stub that writes one run's log, one envelope per line.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPushBatcher, type PushBatcher } from '../../../src/main/ipc/push-batcher'
import {
  createRequestHandlers,
  type RequestHandlerDeps
} from '../../../src/main/ipc/request-handlers'
import { systemClock } from '../../../src/main/core/ports'
import type { SessionHandle, SessionManager } from '../../../src/main/core/session/session-api'
import type { PushChannels, PushMessage } from '../../../src/shared/ipc/contract'
import type { SessionSnapshot } from '../../../src/shared/session'

const PROCESS = 'FlinkSubmit/7'
let batcher: PushBatcher | null = null

beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  batcher?.dispose()
  vi.useRealTimers()
})

function setup() {
  const lines: string[] = []
  let seq = 0
  const snapshot = () =>
    ({
      profileId: 'p',
      seq,
      logs: [{ process: PROCESS, run: 'run-1', lines: [...lines], stale: false }]
    }) as unknown as SessionSnapshot
  const session = { profileId: 'p', snapshot } as unknown as SessionHandle
  const sent: Array<PushMessage<'logs:append'>> = []
  const pushes = createPushBatcher((channel, message) => {
    if (channel === 'logs:append') sent.push(message as PushMessage<'logs:append'>)
  }, systemClock)
  batcher = pushes
  // Only what `session:snapshot` reaches; the other handlers' dependencies stay unused.
  const handlers = createRequestHandlers({
    sessions: { get: (id: string) => (id === 'p' ? session : undefined) } as SessionManager,
    platform: {},
    flushPushes: () => pushes.flush()
  } as unknown as RequestHandlerDeps)
  const write = (line: string) => {
    lines.push(line)
    seq += 1
    pushes.pushEnvelope({
      profileId: 'p',
      seq,
      update: {
        type: 'log',
        chunk: { process: PROCESS, run: 'run-1', lines: [line], stale: false }
      }
    })
  }
  return { lines, sent, write, handlers }
}

/** The renderer's rule (`reduceLogAppend`): a pushed item at or below the snapshot's seq is already in it. */
function afterSnapshot(
  snapshot: SessionSnapshot,
  pushed: ReadonlyArray<PushMessage<'logs:append'>>
): string[] {
  const items: PushChannels['logs:append'] = pushed.flatMap((message) => message.items)
  const newer = items.filter((item) => item.sessionSeq > snapshot.seq)
  return [...snapshot.logs[0].lines, ...newer.flatMap((item) => item.lines)]
}

describe('a snapshot taken while log lines wait in the push batcher', () => {
  it('leaves the renderer every line once and in order', async () => {
    const { lines, sent, write, handlers } = setup()
    for (let i = 0; i < 5; i++) write(`line ${i}`)
    await vi.advanceTimersByTimeAsync(60)
    const before = sent.length

    // Line 5 waits in the batcher when the snapshot (which has it) is taken; line 6 comes after.
    write('line 5')
    const snapshot = await handlers['session:snapshot']({ profileId: 'p' })
    write('line 6')
    await vi.advanceTimersByTimeAsync(60)
    write('line 7')
    await vi.advanceTimersByTimeAsync(60)

    expect(snapshot.seq).toBe(6)
    expect(afterSnapshot(snapshot, sent.slice(before))).toEqual(lines)
  })
})
