/**
 * The supervisor of a stream with a data rhythm of its own (the SSE JVM stream) on an injected clock: heartbeats
 * without data mean starved (`degraded`, diagnosis `jvm-stream-starved`), the stream is tried again only after the
 * long wait, heartbeats alone never end the finding, data does; total silence stays the watchdog's.
 */
import { describe, expect, it } from 'vitest'
import { silentLogger } from '../../../../src/main/core/logger'
import { createStreamSupervisor } from '../../../../src/main/core/connection/supervisor'
import type { ConnectionState } from '../../../../src/shared/connection'
import type { Diagnosis } from '../../../../src/shared/diagnosis'
import type { Jvm } from '../../../../src/shared/models'
import { createFakeClock } from './fake-clock'
import { createFakeTransport } from './fake-transport'

function setup() {
  const clock = createFakeClock()
  const transport = {
    ...createFakeTransport(9_000),
    stream: 'jvm' as const,
    dataIntervalMs: 10_000
  }
  const states: ConnectionState[] = []
  const findings: Diagnosis[] = []
  const resolved: string[] = []
  const supervisor = createStreamSupervisor({
    transport,
    clock,
    logger: silentLogger,
    random: () => 0.5,
    starvedRetryMs: 600_000,
    onState: (state) => states.push(state),
    onMessage: () => undefined,
    onDiagnosis: (diagnosis) => findings.push(diagnosis),
    onDiagnosisResolved: (code) => resolved.push(code)
  })
  supervisor.start()
  const jvm = () => transport.last().handlers.onMessage({ topic: 'JVM_INFO', data: {} as Jvm })
  const beat = () => transport.last().handlers.onHeartbeat()
  /** Heartbeats every 9 s for `ms`. */
  const beatFor = (ms: number) => {
    for (let t = 0; t < ms; t += 9_000) {
      clock.advance(Math.min(9_000, ms - t))
      beat()
    }
  }
  return { clock, transport, states, findings, resolved, supervisor, jvm, beat, beatFor }
}

describe('a starved stream (heartbeats, no data)', () => {
  it('degrades after 3 data periods of heartbeats only, and is not reopened before the long wait', () => {
    const h = setup()
    h.transport.last().open()
    h.jvm()
    h.beatFor(27_000)
    expect(h.supervisor.state().kind).toBe('live')
    h.beatFor(9_000)
    expect(h.supervisor.state()).toMatchObject({ kind: 'degraded', reason: 'jvm-stream-starved' })
    expect(h.findings.map((finding) => finding.code)).toEqual(['jvm-stream-starved'])
    expect(h.findings[0].evidence).toMatchObject({ times: 1 })
    expect(h.transport.last().closedByClient).toBe(true)
    const state = h.supervisor.state()
    const retryAt = state.kind === 'degraded' ? state.retryAt : 0
    expect(retryAt - state.since).toBe(600_000)
    h.clock.advance(retryAt - h.clock.now() - 1)
    expect(h.transport.connections).toHaveLength(1)
    h.clock.advance(1)
    expect(h.transport.connections).toHaveLength(2)
  })

  it('stays degraded on heartbeats alone after the retry; data makes it live and resolves the finding', () => {
    const h = setup()
    h.transport.last().open()
    h.beatFor(36_000)
    expect(h.supervisor.state().kind).toBe('degraded')
    h.clock.advance(600_000)
    h.transport.last().open()
    h.beat()
    expect(h.supervisor.state()).toMatchObject({ kind: 'degraded', reason: 'jvm-stream-starved' })
    h.jvm()
    expect(h.supervisor.state().kind).toBe('live')
    expect(h.resolved).toEqual(['jvm-stream-starved'])
  })

  it('leaves a total silence to the watchdog', () => {
    const h = setup()
    h.transport.last().open()
    h.jvm()
    h.clock.advance(40_000)
    expect(h.findings).toEqual([])
    expect(h.states.some((state) => state.kind === 'reconnecting')).toBe(true)
  })
})
