import { describe, expect, it } from 'vitest'
import { createProxyDiagnosis } from '../../../../src/main/core/connection/proxy-diagnosis'
import type { Diagnosis, DiagnosisCode } from '../../../../src/shared/diagnosis'
import { createFakeClock } from './fake-clock'

function setup() {
  const clock = createFakeClock()
  const found: Diagnosis[] = []
  const resolved: { code: DiagnosisCode; at: number }[] = []
  const proxy = createProxyDiagnosis({
    stream: 'topics',
    clock,
    watchdogMs: 27_000,
    onDiagnosis: (diagnosis) => found.push(diagnosis),
    onResolved: (code, at) => resolved.push({ code, at })
  })
  /** One connection that delivers data, then is cut after `idleMs` of silence. */
  const cutAfter = (idleMs: number) => {
    proxy.attempt()
    proxy.opened(200)
    proxy.data()
    clock.advance(idleMs)
    return proxy.cut()
  }
  return { clock, proxy, found, resolved, cutAfter }
}

describe('proxy diagnosis', () => {
  it('calls a stream blocked twice in a row while REST answers proxy-buffering, once', () => {
    const { proxy, found } = setup()
    proxy.attempt()
    proxy.opened(200)
    expect(proxy.blocked(true)).toBe(false)
    proxy.attempt()
    expect(proxy.blocked(true)).toBe(true)
    proxy.attempt()
    expect(proxy.blocked(true)).toBe(true)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ code: 'proxy-buffering', evidence: { bytes: 0, times: 2 } })
    expect(found[0].detail).toBe(
      'no response headers, 0 bytes in 27 s, 2 times in a row, while REST answers'
    )
  })

  it('never blames a proxy while REST fails too, and starts over after data', () => {
    const { proxy, found } = setup()
    expect(proxy.blocked(false)).toBe(false)
    expect(proxy.blocked(true)).toBe(false)
    proxy.through()
    expect(proxy.blocked(true)).toBe(false)
    expect(found).toHaveLength(0)
  })

  it('names the idle time after three cuts that agree within 20 %, and not again for the same figure', () => {
    const { found, cutAfter } = setup()
    expect(cutAfter(5_000)).toBe(5_000)
    cutAfter(4_300)
    expect(found).toHaveLength(0)
    cutAfter(5_200)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ code: 'proxy-idle-timeout', evidence: { idleMs: 5_000 } })
    expect(found[0].advice).toContain('at least 60 s')
    cutAfter(5_100)
    expect(found).toHaveLength(1)
  })

  it('does not diagnose cuts whose idle times differ', () => {
    const { found, cutAfter } = setup()
    for (const idle of [5_000, 2_000, 8_000, 3_000, 6_500]) cutAfter(idle)
    expect(found).toHaveLength(0)
  })

  it('diagnoses a refused WebSocket upgrade on the second refusal, not a 401 or a 5xx', () => {
    const { proxy, found } = setup()
    expect(proxy.upgradeRefused(401, true)).toBe(false)
    expect(proxy.upgradeRefused(502, true)).toBe(false)
    expect(proxy.upgradeRefused(400, true)).toBe(false)
    expect(proxy.upgradeRefused(400, true)).toBe(true)
    expect(found.map((d) => d.code)).toEqual(['proxy-no-websocket'])
  })

  it('reports a rewritten content type once per streak, without control characters', () => {
    const { proxy, found } = setup()
    proxy.rewritten('HTTP 200 text/html\u001b[31m', true)
    proxy.rewritten('HTTP 200 text/html', true)
    expect(found).toHaveLength(1)
    expect(found[0].evidence.contentType).toBe('text/html[31m')
  })

  type Run = ReturnType<typeof setup>

  describe('resolving what no longer holds', () => {
    /** Data every `everyMs` for `forMs` on one connection, each arrival a flow (`data` then `through`). */
    const flow = (setup: Run, forMs: number, everyMs = 9_000) => {
      for (let waited = 0; waited < forMs; waited += everyMs) {
        setup.clock.advance(everyMs)
        setup.proxy.data()
        setup.proxy.through()
      }
    }
    const blockedTwice = ({ proxy }: Run) => {
      proxy.attempt()
      proxy.blocked(true)
      proxy.attempt()
      proxy.blocked(true)
    }

    it('resolves proxy-buffering once the stream has flowed for two watchdog periods, not before', () => {
      const run = setup()
      blockedTwice(run)
      run.proxy.attempt()
      run.proxy.opened(200)
      flow(run, 45_000)
      expect(run.resolved).toEqual([])
      flow(run, 18_000)
      expect(run.resolved.map((r) => r.code)).toEqual(['proxy-buffering'])
      expect(run.resolved[0].at).toBe(run.clock.now())
      flow(run, 60_000)
      expect(run.resolved).toHaveLength(1)
    })

    it('starts the wait over when the stream is blocked again meanwhile, and a new sighting is reported anew', () => {
      const run = setup()
      blockedTwice(run)
      flow(run, 45_000)
      run.proxy.attempt()
      run.proxy.blocked(true)
      flow(run, 45_000)
      expect(run.resolved).toEqual([])
      flow(run, 18_000)
      expect(run.resolved.map((r) => r.code)).toEqual(['proxy-buffering'])
      blockedTwice(run)
      expect(run.found.map((d) => d.code)).toEqual(['proxy-buffering', 'proxy-buffering'])
    })

    it('resolves a refused upgrade and a rewritten stream the same way', () => {
      const run = setup()
      run.proxy.upgradeRefused(400, true)
      run.proxy.upgradeRefused(400, true)
      run.proxy.rewritten('HTTP 200 text/html', true)
      flow(run, 63_000)
      expect(run.resolved.map((r) => r.code).sort()).toEqual([
        'proxy-no-websocket',
        'proxy-rewrites'
      ])
    })

    it('resolves the idle timeout when a longer silence than every cut goes uncut, and diagnoses a return', () => {
      const run = setup()
      for (const idle of [5_000, 5_300, 4_900]) run.cutAfter(idle)
      expect(run.found.map((d) => d.code)).toEqual(['proxy-idle-timeout'])
      // Silences as long as the cuts say nothing; the flow resolves nothing else.
      run.proxy.attempt()
      flow(run, 60_000, 5_000)
      expect(run.resolved).toEqual([])
      flow(run, 9_000)
      expect(run.resolved.map((r) => r.code)).toEqual(['proxy-idle-timeout'])
      for (const idle of [5_000, 5_300, 4_900]) run.cutAfter(idle)
      expect(run.found.map((d) => d.code)).toEqual(['proxy-idle-timeout', 'proxy-idle-timeout'])
    })

    it('resolves nothing it never reported', () => {
      const run = setup()
      run.proxy.attempt()
      flow(run, 200_000, 20_000)
      expect(run.resolved).toEqual([])
    })
  })
})
