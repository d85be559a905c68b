import { describe, expect, it } from 'vitest'
import type { ConnectionState } from '../../../../src/shared/connection'
import { silentLogger } from '../../../../src/main/core/logger'
import { createStreamSupervisor } from '../../../../src/main/core/connection/supervisor'
import type { StreamSupervisorOptions } from '../../../../src/main/core/connection/supervisor-api'
import { DinkyError } from '../../../../src/main/core/dinky/dinky-error'
import { createFakeClock } from './fake-clock'
import { createFakeTransport } from './fake-transport'

function setup(overrides: Partial<StreamSupervisorOptions> = {}) {
  const clock = createFakeClock()
  const transport = createFakeTransport()
  const states: ConnectionState[] = []
  const supervisor = createStreamSupervisor({
    transport,
    clock,
    logger: silentLogger,
    random: () => 0.5,
    onState: (s) => states.push(s),
    onMessage: () => {},
    ...overrides
  })
  const kinds = () => states.map((s) => ('reason' in s ? `${s.kind}:${s.reason}` : s.kind))
  return { clock, transport, states, supervisor, kinds }
}

/** Lets promise callbacks (relogin) run. */
const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('createStreamSupervisor', () => {
  it('goes connecting → live and reconnects with jittered backoff after a failure', () => {
    const { clock, transport, supervisor, kinds, states } = setup()
    supervisor.start()
    transport.last().open()
    clock.advance(1_000)
    transport.last().drop('heartbeat-lost')
    expect(kinds()).toEqual(['connecting:started', 'live', 'reconnecting:heartbeat-lost'])
    const reconnecting = states[2] as Extract<ConnectionState, { kind: 'reconnecting' }>
    expect(reconnecting.attempt).toBe(1)
    expect(reconnecting.retryAt - clock.now()).toBe(500)
    clock.advance(499)
    expect(transport.connections).toHaveLength(1)
    clock.advance(1)
    expect(transport.connections).toHaveLength(2)
    transport.last().drop('connection-refused', false)
    const second = states.at(-1) as Extract<ConnectionState, { kind: 'reconnecting' }>
    expect(second).toMatchObject({ attempt: 2, reason: 'connection-refused' })
    expect(second.retryAt - clock.now()).toBe(1_000)
  })

  it('uses the server retry as a floor for the delay', () => {
    const { clock, transport, supervisor, states } = setup({ random: () => 0 })
    supervisor.start()
    transport.last().handlers.onRetry(1_000)
    transport.last().drop('http-5xx', false)
    const state = states.at(-1) as Extract<ConnectionState, { kind: 'reconnecting' }>
    expect(state.retryAt - clock.now()).toBe(1_000)
  })

  it('resets the attempt count after a stable live period', () => {
    const { clock, transport, supervisor, states } = setup({
      backoff: { resetAfterMs: 60_000 },
      heartbeatTimeoutMs: 1e9
    })
    supervisor.start()
    for (let i = 0; i < 3; i++) {
      transport.last().drop('connection-refused', false)
      clock.advance(60_000)
    }
    expect(states.at(-1)).toMatchObject({ kind: 'reconnecting', attempt: 3 })
    transport.last().open()
    clock.advance(59_000)
    transport.last().drop('heartbeat-lost')
    expect(states.at(-1)).toMatchObject({ kind: 'reconnecting', attempt: 4 })
    clock.advance(60_000)
    transport.last().open()
    clock.advance(60_000)
    transport.last().drop('heartbeat-lost')
    expect(states.at(-1)).toMatchObject({ kind: 'reconnecting', attempt: 1 })
  })

  it('tears down a silent stream when the watchdog fires, and times out a hanging connect', () => {
    const { clock, transport, supervisor, kinds } = setup({ heartbeatTimeoutMs: 27_000 })
    supervisor.start()
    clock.advance(27_000)
    expect(transport.connections[0].closedByClient).toBe(true)
    expect(kinds().at(-1)).toBe('reconnecting:timeout')
    clock.advance(1_000)
    transport.last().open()
    for (let i = 0; i < 10; i++) {
      clock.advance(9_000)
      transport.last().handlers.onHeartbeat()
    }
    expect(kinds().at(-1)).toBe('live')
    clock.advance(27_000)
    expect(transport.connections[1].closedByClient).toBe(true)
    expect(kinds().at(-1)).toBe('reconnecting:heartbeat-lost')
  })

  it('reconnects invisibly when a stable stream ends and is back within the grace period', () => {
    const { clock, transport, supervisor, kinds } = setup({
      invisibleReconnectMs: 3_000,
      heartbeatTimeoutMs: 1e9
    })
    supervisor.start()
    transport.last().open()
    clock.advance(30 * 60_000)
    transport.last().drop('server-closed')
    expect(transport.connections).toHaveLength(2)
    clock.advance(200)
    transport.last().open()
    expect(kinds()).toEqual(['connecting:started', 'live'])
    expect(clock.pending()).toBe(1) // the watchdog only
  })

  it('shows reconnecting when the invisible attempt is not back within the grace period', () => {
    const { clock, transport, supervisor, kinds } = setup({
      invisibleReconnectMs: 3_000,
      heartbeatTimeoutMs: 1e9
    })
    supervisor.start()
    transport.last().open()
    clock.advance(120_000)
    transport.last().drop('server-closed')
    clock.advance(3_000)
    expect(kinds().at(-1)).toBe('reconnecting:server-closed')
    transport.last().open()
    expect(kinds().at(-1)).toBe('live')
  })

  it('does not reconnect invisibly in a loop when a stream keeps dropping right after opening', () => {
    const { transport, supervisor, kinds } = setup()
    supervisor.start()
    transport.last().open()
    transport.last().drop('server-closed')
    transport.last().open()
    transport.last().drop('server-closed')
    expect(kinds().at(-1)).toBe('reconnecting:server-closed')
    expect(transport.connections).toHaveLength(2)
  })

  it('logs in once silently on a 401, then ends in auth-expired', async () => {
    let logins = 0
    const relogin = async () => {
      logins++
    }
    const { transport, supervisor, kinds, clock } = setup({ relogin })
    supervisor.start()
    transport.last().drop('token-expired', false, 401)
    expect(kinds().at(-1)).toBe('reconnecting:token-expired')
    await settle()
    expect(transport.connections).toHaveLength(2)
    transport.last().drop('token-expired', false, 401)
    await settle()
    expect(logins).toBe(1)
    expect(kinds().at(-1)).toBe('auth-expired:token-expired')
    clock.advance(10 * 60_000)
    expect(transport.connections).toHaveLength(2)
    expect(clock.pending()).toBe(0)
  })

  it('goes to auth-expired when the silent re-login is refused', async () => {
    const relogin = () =>
      Promise.reject(
        new DinkyError({ endpoint: '/api/login', reason: 'login-failed', detail: 'no' })
      )
    const { transport, supervisor, kinds } = setup({ relogin })
    supervisor.start()
    transport.last().drop('token-expired', false, 401)
    await settle()
    expect(kinds().at(-1)).toBe('auth-expired:login-failed')
  })

  it('allows one more re-login when the user retries from auth-expired', async () => {
    let logins = 0
    const { transport, supervisor, kinds } = setup({ relogin: async () => void logins++ })
    supervisor.start()
    transport.last().drop('token-expired', false)
    await settle()
    transport.last().drop('token-expired', false)
    await settle()
    supervisor.retryNow()
    expect(kinds().at(-1)).toBe('connecting:user-retry')
    transport.last().drop('token-expired', false)
    await settle()
    expect(logins).toBe(2)
    transport.last().open()
    expect(kinds().at(-1)).toBe('live')
  })

  it('stops for good on HTTP 204', () => {
    const { clock, transport, supervisor, kinds } = setup()
    supervisor.start()
    transport.last().drop('http-204', false, 204)
    clock.advance(600_000)
    expect(kinds().at(-1)).toBe('stopped:http-204')
    expect(transport.connections).toHaveLength(1)
  })

  it('waits offline while the network is down and reconnects at once when it is back', () => {
    const { clock, transport, supervisor, kinds } = setup()
    supervisor.start()
    transport.last().open()
    supervisor.notifyNetwork(false)
    expect(transport.connections[0].closedByClient).toBe(true)
    expect(kinds().at(-1)).toBe('offline:network-offline')
    clock.advance(600_000)
    expect(transport.connections).toHaveLength(1)
    supervisor.notifyNetwork(true)
    expect(kinds().at(-1)).toBe('connecting:resumed')
    expect(transport.connections).toHaveLength(2)
  })

  it('reconnects now on resume and on a clock jump, abandoning the old connection', () => {
    let jump: () => void = () => {}
    const { transport, supervisor, kinds } = setup({
      detectClockJump: (onJump) => {
        jump = onJump
        return () => {}
      }
    })
    supervisor.start()
    transport.last().open()
    supervisor.notifyResume()
    expect(transport.connections[0].closedByClient).toBe(true)
    expect(kinds().at(-1)).toBe('connecting:resumed')
    transport.last().open()
    jump()
    expect(kinds().at(-1)).toBe('connecting:clock-jump')
    expect(transport.alive()).toBe(1)
  })

  it('keeps at most one attempt in flight when asked to retry repeatedly', () => {
    const { transport, supervisor } = setup()
    supervisor.start()
    transport.last().drop('connection-refused', false)
    supervisor.retryNow()
    supervisor.retryNow()
    supervisor.retryNow()
    expect(transport.connections).toHaveLength(2)
    expect(transport.alive()).toBe(1)
  })

  it('ignores callbacks of a connection it has abandoned', () => {
    const { transport, supervisor, kinds } = setup()
    supervisor.start()
    const first = transport.last()
    supervisor.notifyResume()
    first.open()
    first.drop('connection-reset')
    expect(kinds()).toEqual(['connecting:started', 'connecting:resumed'])
  })

  it('stops idempotently, clearing every timer and connection', async () => {
    const { clock, transport, supervisor, kinds } = setup({
      detectClockJump: () => () => {}
    })
    const dispose = supervisor.start()
    transport.last().drop('connection-refused', false)
    await supervisor.stop()
    await dispose()
    expect(kinds().filter((k) => k.startsWith('stopped'))).toEqual(['stopped:stopped-by-user'])
    expect(clock.pending()).toBe(0)
    expect(transport.alive()).toBe(0)
    supervisor.retryNow()
    expect(transport.connections).toHaveLength(1)
  })
})
