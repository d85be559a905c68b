import { describe, expect, it } from 'vitest'
import type { ConnectionState } from '../../../../src/shared/connection'
import type { Diagnosis } from '../../../../src/shared/diagnosis'
import { silentLogger } from '../../../../src/main/core/logger'
import { createStreamSupervisor } from '../../../../src/main/core/connection/supervisor'
import { createFakeClock } from './fake-clock'
import { createFakeTransport } from './fake-transport'

function setup(restLive: boolean) {
  const clock = createFakeClock()
  const transport = createFakeTransport()
  const states: ConnectionState[] = []
  const found: Diagnosis[] = []
  const supervisor = createStreamSupervisor({
    transport,
    clock,
    logger: silentLogger,
    random: () => 0.5,
    heartbeatTimeoutMs: 27_000,
    backoff: { baseMs: 1_000, maxMs: 8_000 },
    restLive: () => restLive,
    onDiagnosis: (diagnosis) => found.push(diagnosis),
    onState: (s) => states.push(s),
    onMessage: () => {}
  })
  const kinds = () => states.map((s) => ('reason' in s ? `${s.kind}:${s.reason}` : s.kind))
  /** The current connection opens and delivers Dinky's `retry:1000` at once. */
  const openWithData = () => {
    transport.last().open()
    transport.last().handlers.onRetry(1_000)
    transport.last().handlers.onActivity()
  }
  return { clock, transport, states, found, supervisor, kinds, openWithData }
}

describe('supervisor behind a proxy', () => {
  it('goes degraded after two silent watchdog periods while REST answers, and live at the first byte', () => {
    const { clock, transport, supervisor, kinds, found, states } = setup(true)
    supervisor.start()
    transport.last().open()
    clock.advance(27_000)
    expect(kinds().at(-1)).toBe('reconnecting:heartbeat-lost')
    clock.advance(1_000)
    transport.last().open()
    clock.advance(27_000)
    expect(kinds().at(-1)).toBe('degraded:proxy-buffering')
    expect(found.map((d) => d.code)).toEqual(['proxy-buffering'])
    // Retried in the background with the capped backoff; an open without data stays degraded.
    clock.advance(8_000)
    expect(transport.connections).toHaveLength(3)
    transport.last().open()
    expect(kinds().at(-1)).toBe('degraded:proxy-buffering')
    transport.last().handlers.onActivity()
    expect(kinds().at(-1)).toBe('live')
    expect(states.filter((s) => s.kind === 'degraded')).toHaveLength(1)
  })

  it('does not degrade while REST fails too', () => {
    const { clock, transport, supervisor, kinds, found } = setup(false)
    supervisor.start()
    for (let i = 0; i < 3; i++) {
      transport.last().open()
      clock.advance(27_000)
      clock.advance(8_000)
    }
    expect(kinds()).not.toContain('degraded:proxy-buffering')
    expect(found).toHaveLength(0)
  })

  it('rides out idle cuts at the retry: floor: no attempt counted, nothing shown, however many', () => {
    const { clock, transport, supervisor, kinds, openWithData, found } = setup(true)
    supervisor.start()
    openWithData()
    for (let cut = 1; cut <= 20; cut++) {
      clock.advance(5_000)
      transport.last().drop('connection-reset')
      expect(transport.connections).toHaveLength(cut)
      clock.advance(999)
      expect(transport.connections).toHaveLength(cut)
      clock.advance(1)
      expect(transport.connections).toHaveLength(cut + 1)
      openWithData()
    }
    expect(kinds()).toEqual(['connecting:started', 'live'])
    expect(found.map((d) => [d.code, d.evidence.idleMs])).toEqual([['proxy-idle-timeout', 5_000]])
  })

  it('still backs off a storm of cuts before any data', () => {
    const { clock, transport, supervisor, states } = setup(true)
    supervisor.start()
    for (let i = 0; i < 4; i++) {
      transport.last().open()
      transport.last().drop('server-closed')
      clock.advance(10_000)
    }
    const attempts = states.flatMap((s) => (s.kind === 'reconnecting' ? [s.attempt] : []))
    expect(attempts.at(-1)).toBeGreaterThanOrEqual(3)
  })
})
