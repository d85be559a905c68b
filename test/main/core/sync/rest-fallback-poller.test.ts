/**
 * The degraded-mode JVM poller against the simulator on loopback: on a 1.0.x server (no `getSysInfo`, Spring's 404)
 * it asks once, says so, and schedules nothing more; on 1.1 it keeps polling. A manual clock runs the cadence.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Jvm } from '../../../../src/shared/models'
import { createDinkyClient } from '../../../../src/main/core/dinky/client'
import { silentLogger } from '../../../../src/main/core/logger'
import type { Clock, TimerHandle } from '../../../../src/main/core/ports'
import { RestFallbackPoller } from '../../../../src/main/core/sync/rest-fallback-poller'
import { startSimulator, type Simulator } from '../../../../src/simulator/index'

/** Timers run only when the test says so; `pending()` shows whether the poller scheduled another round. */
class StepClock implements Clock {
  private readonly timers = new Map<number, () => void>()
  private next = 1
  now = () => 1_000_000
  setTimeout = (run: () => void): TimerHandle => {
    const id = this.next++
    this.timers.set(id, run)
    return id as unknown as TimerHandle
  }
  clearTimeout = (handle: TimerHandle) => void this.timers.delete(handle as unknown as number)
  pending = () => this.timers.size
}

/** Rejects a stuck test instead of letting it hang; never paces an assertion. */
function within<T>(what: string, promise: Promise<T>, ms = 5_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)
  })
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer))
}

describe('REST fallback poller and getSysInfo per release', () => {
  let sim: Simulator | null = null
  let poller: RestFallbackPoller | null = null
  afterEach(async () => {
    poller?.stop()
    await sim?.close()
    sim = poller = null
  })

  async function start(version: string) {
    sim = await startSimulator({ version, tickMs: 0, logRate: 0, heartbeatMs: 60_000 })
    const client = createDinkyClient({ baseUrl: sim.url, logger: silentLogger })
    await client.login('admin', 'dinky123!@#')
    const clock = new StepClock()
    let onJvm: (jvm: Jvm) => void = () => undefined
    let onUnavailable: (detail: string) => void = () => undefined
    const events = {
      jvm: new Promise<Jvm>((resolve) => (onJvm = resolve)),
      unavailable: new Promise<string>((resolve) => (onUnavailable = resolve))
    }
    poller = new RestFallbackPoller({
      client,
      clock,
      logger: silentLogger,
      processes: () => [],
      onProcess: () => undefined,
      onJvm: (jvm) => onJvm(jvm),
      onJvmUnavailable: (detail) => onUnavailable(detail)
    })
    return {
      clock,
      events,
      sysInfoAsked: () => sim?.control.stats().requestsByPath['/api/system/getSysInfo'] ?? 0
    }
  }

  it('1.0.3: one 404 from getSysInfo ends the JVM polling, said once', async () => {
    const { clock, events, sysInfoAsked } = await start('1.0.3')
    poller!.set('jvm', true)
    expect(await within('the unavailable notice', events.unavailable)).toContain(
      'not on this Dinky'
    )
    expect(clock.pending()).toBe(0)
    expect(poller!.isPolling()).toBe(false)
    expect(sysInfoAsked()).toBe(1)
  })

  it('1.1.0: JVM figures come by polling and the next round is scheduled', async () => {
    const { clock, events } = await start('1.1.0')
    poller!.set('jvm', true)
    expect((await within('a JVM sample', events.jvm)).heapUsed).toBeGreaterThan(0)
    await within(
      'the next round',
      (async () => {
        while (clock.pending() === 0) await new Promise((resolve) => setImmediate(resolve))
      })()
    )
    expect(poller!.isPolling()).toBe(true)
  })
})
