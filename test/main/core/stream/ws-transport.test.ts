import { afterEach, describe, expect, it } from 'vitest'
import type { ConnectionState } from '../../../../src/shared/connection'
import { createDinkyClient } from '../../../../src/main/core/dinky/client'
import { silentLogger } from '../../../../src/main/core/logger'
import { systemClock } from '../../../../src/main/core/ports'
import { createStreamSupervisor } from '../../../../src/main/core/connection/supervisor'
import { createReloginGate } from '../../../../src/main/core/connection/relogin-gate'
import { createWsTransport } from '../../../../src/main/core/stream/ws-transport'
import type { StreamMessage } from '../../../../src/main/core/stream/transport'
import { startWsStub } from './ws-stub-server'

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function setup() {
  const stub = await startWsStub({ jvmMs: 50 })
  cleanups.push(() => stub.close())
  const client = createDinkyClient({ baseUrl: stub.url, logger: silentLogger })
  await client.login('admin', 'pw')
  const transport = createWsTransport({ client, logger: silentLogger, heartbeatIntervalMs: 50 })
  transport.setTopics({ processes: ['FlinkSubmit/12'], metrics: [], printTables: [] })
  const states: ConnectionState[] = []
  const messages: StreamMessage[] = []
  const supervisor = createStreamSupervisor({
    transport,
    clock: systemClock,
    logger: silentLogger,
    backoff: { baseMs: 20, maxMs: 100 },
    relogin: createReloginGate({
      clock: systemClock,
      login: () => client.relogin(),
      windowMs: 100
    }),
    onState: (s) => states.push(s),
    onMessage: (m) => messages.push(m)
  })
  cleanups.push(() => supervisor.stop())
  const kinds = () => states.map((s) => ('reason' in s ? `${s.kind}:${s.reason}` : s.kind))
  const waitFor = async (predicate: () => boolean, ms = 3_000) => {
    const deadline = Date.now() + ms
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out; states ${kinds().join(' → ')}`)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }
  return { stub, client, transport, supervisor, messages, kinds, waitFor }
}

describe('WebSocket transport (Dinky 1.2) under the supervisor', () => {
  it('subscribes token + topics with JVM_INFO after open and treats JVM_INFO as the heartbeat', async () => {
    const { stub, supervisor, messages, kinds, waitFor, client } = await setup()
    supervisor.start()
    await waitFor(() => stub.subscriptions().length === 1)
    expect(stub.subscriptions()[0]).toEqual({
      token: client.streamAuth()!.tokenValue,
      topics: { JVM_INFO: [], PROCESS_CONSOLE: ['FlinkSubmit/12'], PRINT_TABLE: [], METRICS: [] }
    })
    await waitFor(() => messages.filter((m) => m.topic === 'JVM_INFO').length >= 5)
    expect(kinds()).toEqual(['connecting:started', 'live'])
  })

  it('keeps only its own parameters of a data map and resubscribes on open and on change', async () => {
    const { stub, transport, supervisor, messages, waitFor } = await setup()
    supervisor.start()
    await waitFor(() => stub.subscriptions().length === 1)
    const process = { key: 'k', title: 'FlinkSubmit', log: 'hello', startTime: 1724724930123 }
    stub.push('PROCESS_CONSOLE', { 'FlinkSubmit/12': process, 'FlinkSubmit/99': process })
    await waitFor(() => messages.some((m) => m.topic === 'PROCESS_CONSOLE'))
    expect(messages.filter((m) => m.topic === 'PROCESS_CONSOLE')).toMatchObject([
      { param: 'FlinkSubmit/12', data: { log: 'hello', startTime: '2024-08-27 10:15:30' } }
    ])
    stub.dropSockets()
    await waitFor(() => stub.stats.subscribes === 2 && stub.subscriptions().length === 1)
    transport.setTopics({ processes: ['FlinkSubmit/7'], metrics: ['jid'], printTables: [] })
    await waitFor(() => stub.subscriptions()[0]?.topics.PROCESS_CONSOLE[0] === 'FlinkSubmit/7')
    expect(stub.subscriptions()[0].topics.METRICS).toEqual(['jid'])
  })

  it('catches a silently dropped subscription, logs in once, and recovers', async () => {
    const { stub, supervisor, kinds, waitFor } = await setup()
    supervisor.start()
    await waitFor(() => kinds().at(-1) === 'live')
    stub.expireTokens()
    await waitFor(() => kinds().includes('reconnecting:token-expired'))
    await waitFor(() => kinds().at(-1) === 'live' && stub.subscriptions().length === 1)
    expect(stub.stats.logins).toBe(2)
  })

  it('ends in auth-expired with at most 2 logins when the re-login is refused', async () => {
    const { stub, supervisor, kinds, waitFor } = await setup()
    supervisor.start()
    await waitFor(() => kinds().at(-1) === 'live')
    stub.refuseLogins()
    stub.expireTokens()
    await waitFor(() => supervisor.state().kind === 'auth-expired')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(kinds()).toEqual([
      'connecting:started',
      'live',
      'reconnecting:token-expired',
      'auth-expired:login-failed'
    ])
    expect(stub.stats.logins).toBe(2)
    expect(stub.openSockets()).toBe(0)
  })

  it('classifies a 502 HTML answer to the upgrade and recovers', async () => {
    const { stub, supervisor, kinds, waitFor } = await setup()
    stub.failNextUpgrades(1)
    supervisor.start()
    await waitFor(() => kinds().at(-1) === 'live')
    expect(kinds()).toEqual(['connecting:started', 'reconnecting:proxy-html', 'live'])
  })

  it('closes its socket on stop', async () => {
    const { stub, supervisor, kinds, waitFor } = await setup()
    supervisor.start()
    await waitFor(() => kinds().at(-1) === 'live')
    await supervisor.stop()
    await waitFor(() => stub.openSockets() === 0)
    expect(kinds().at(-1)).toBe('stopped:stopped-by-user')
  })
})
