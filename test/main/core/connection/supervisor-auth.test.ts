import { describe, expect, it } from 'vitest'
import type { ConnectionState } from '../../../../src/shared/connection'
import { silentLogger } from '../../../../src/main/core/logger'
import { createStreamSupervisor } from '../../../../src/main/core/connection/supervisor'
import { createReloginGate } from '../../../../src/main/core/connection/relogin-gate'
import { DinkyError } from '../../../../src/main/core/dinky/dinky-error'
import type { StreamCloseInfo } from '../../../../src/main/core/stream/transport'
import { createFakeClock } from './fake-clock'
import { createFakeTransport } from './fake-transport'

const settle = () => new Promise((resolve) => setImmediate(resolve))
const refused = new DinkyError({
  endpoint: '/api/login',
  reason: 'connection-refused',
  detail: 'x'
})
const wrong = new DinkyError({
  endpoint: '/api/login',
  reason: 'login-failed',
  detail: 'x',
  code: 7
})

function setup(relogin: () => Promise<void>, diagnosis?: () => Promise<StreamCloseInfo | null>) {
  const clock = createFakeClock()
  const transport = Object.assign(
    createFakeTransport(),
    diagnosis ? { diagnoseSilence: diagnosis } : {}
  )
  const states: ConnectionState[] = []
  const supervisor = createStreamSupervisor({
    transport,
    clock,
    logger: silentLogger,
    random: () => 0.5,
    heartbeatTimeoutMs: 1_000,
    relogin,
    onState: (s) => states.push(s),
    onMessage: () => {}
  })
  const kinds = () => states.map((s) => ('reason' in s ? `${s.kind}:${s.reason}` : s.kind))
  return { clock, transport, supervisor, kinds }
}

describe('supervisor re-login', () => {
  it('retries a login that never reached the server, and gives up once the server refuses it', async () => {
    const outcomes = [refused, refused, wrong]
    let calls = 0
    const { clock, transport, supervisor, kinds } = setup(() => {
      calls++
      return Promise.reject(outcomes.shift())
    })
    supervisor.start()
    transport.last().drop('token-expired', false, 401)
    await settle()
    expect(kinds().at(-1)).toBe('reconnecting:connection-refused')
    clock.advance(60_000)
    await settle()
    clock.advance(60_000)
    await settle()
    expect(calls).toBe(3)
    expect(kinds().at(-1)).toBe('auth-expired:login-failed')
    expect(transport.connections).toHaveLength(1)
    expect(clock.pending()).toBe(0)
  })

  it('asks the transport to explain a silence, and treats an expired token as an auth failure', async () => {
    let logins = 0
    const expired: StreamCloseInfo = { reason: 'token-expired', detail: 'quiet', wasOpen: true }
    const { clock, transport, supervisor, kinds } = setup(
      async () => void logins++,
      async () => expired
    )
    supervisor.start()
    transport.last().open()
    clock.advance(1_000)
    await settle()
    expect(kinds()).toEqual(['connecting:started', 'live', 'reconnecting:token-expired'])
    await settle()
    expect(logins).toBe(1)
    expect(transport.connections).toHaveLength(2)
  })

  it('shares one login between streams that lose the token together', async () => {
    const clock = createFakeClock()
    let logins = 0
    const gate = createReloginGate({ clock, login: async () => void logins++, windowMs: 5_000 })
    await Promise.all([gate(), gate()])
    clock.advance(1_000)
    await gate()
    expect(logins).toBe(1)
    clock.advance(5_000)
    await gate()
    expect(logins).toBe(2)
  })
})

describe('supervisor re-login after a restart', () => {
  it('logs in again for a second restart once the stream took the new token (no auth-expired)', async () => {
    let calls = 0
    const { transport, supervisor, kinds } = setup(async () => void calls++)
    supervisor.start()
    transport.last().open()
    for (let restart = 1; restart <= 2; restart++) {
      transport.last().drop('token-expired', false, 401)
      await settle()
      expect(calls).toBe(restart)
      transport.last().open()
      transport.last().handlers.onActivity()
      expect(kinds().at(-1)).toBe('live')
    }
    // A rejection straight after a login that did not help is still the end of it.
    transport.last().drop('token-expired', false, 401)
    await settle()
    transport.last().drop('token-expired', false, 401)
    await settle()
    expect(kinds().at(-1)).toBe('auth-expired:token-expired')
    expect(calls).toBe(3)
  })
})
