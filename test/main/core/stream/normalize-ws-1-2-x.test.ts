import { describe, expect, it } from 'vitest'
import { normalizeWsFrame } from '../../../../src/main/core/stream/normalize-message'

const HOUR = 3_600_000
const all = () => true

/**
 * A PROCESS_CONSOLE frame as Dinky 1.2 writes it on a server whose zone is `offsetMs`: `LocalDateTimeSerializer`
 * turns the server's wall time into epoch ms as if that wall time were UTC+8.
 */
function consoleFrame(startedAtUtcMs: number, offsetMs: number): string {
  const wallAsUtc = startedAtUtcMs + offsetMs
  const epochAsIfUtc8 = wallAsUtc - 8 * HOUR
  const process = { key: 'k', title: 't', log: 'x\n', type: 'FLINK_SUBMIT', status: 'RUNNING' }
  return JSON.stringify({
    sessionKey: 's',
    topic: 'PROCESS_CONSOLE',
    data: { 'FlinkSubmit/1': { ...process, startTime: epochAsIfUtc8, time: 0, threadId: 1 } }
  })
}

describe('Dinky 1.2.x WS frames', () => {
  it.each([
    ['+00:00', 0],
    ['+08:00', 8 * HOUR]
  ])('maps epoch-ms-as-UTC+8 times of a server at %s to the right instant', (label, offsetMs) => {
    const startedAt = Date.UTC(2026, 10, 30, 4, 15, 30)
    const result = normalizeWsFrame(consoleFrame(startedAt, offsetMs), all, offsetMs)
    expect(result.ok).toBe(true)
    const message = result.ok ? result.messages[0] : null
    const startTime = message?.topic === 'PROCESS_CONSOLE' ? message.data.startTime : null
    expect(startTime?.endsWith(label)).toBe(true)
    expect(Date.parse(startTime ?? '')).toBe(startedAt)
  })

  it('reads a PONG (no topic) and the TASK_RUN_INSTANCE set, and an unchanged `{}` as nothing', () => {
    expect(normalizeWsFrame('{"sessionKey":"s","type":"PONG"}', all)).toEqual({
      ok: true,
      messages: [{ topic: 'PONG' }]
    })
    const set = '{"sessionKey":"s","topic":"TASK_RUN_INSTANCE","data":{"RunningTaskId":[3,7]}}'
    expect(normalizeWsFrame(set, all)).toEqual({
      ok: true,
      messages: [{ topic: 'TASK_RUN_INSTANCE', taskIds: [3, 7] }]
    })
    expect(normalizeWsFrame('{"topic":"TASK_RUN_INSTANCE","data":{}}', all)).toEqual({
      ok: true,
      messages: []
    })
  })

  it('refuses a TASK_RUN_INSTANCE set that is not a list of integers', () => {
    for (const bad of ['"7"', '[1.5]', '[1,"x"]', '{"a":1}']) {
      const frame = `{"topic":"TASK_RUN_INSTANCE","data":{"RunningTaskId":${bad}}}`
      expect(normalizeWsFrame(frame, all).ok).toBe(false)
    }
  })
})
