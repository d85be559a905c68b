/**
 * Findings that no longer hold are marked resolved (issue 12's diagnoses are not a stale alarm): over loopback
 * against the simulator, a proxy's error page while Dinky is "down" is found, then resolved once REST answers
 * again, and found anew when it comes back; the CLI's NDJSON says so too.
 */
import { describe, expect, it } from 'vitest'
import { toJsonLine } from '../../../../src/main/cli/ndjson-format'
import { startSimulator } from '../../../../src/simulator/index'
import {
  profileFor,
  sessionTestResources,
  startRecordedSession,
  tempCacheStore,
  waitFor
} from './session-harness'
import { waitForMore } from '../../../support/wait-until'

describe('findings that no longer hold', () => {
  const started = sessionTestResources()

  it('resolves proxy-error-page once REST answers again, keeps it listed with both times, and revives it', async () => {
    const sim = (started.sim = await startSimulator({ tickMs: 0, logRate: 0 }))
    const cache = (started.cache = await tempCacheStore())
    const recorded = startRecordedSession({
      profile: profileFor(sim.url),
      store: cache.store,
      connection: { jobsPollMs: 200, clustersPollMs: 60_000 }
    })
    started.sessions.push(recorded)
    const { session } = recorded
    const restLive = () => session.snapshot().streams.rest.kind === 'live'
    await waitFor('live', restLive)
    // The first snapshot's extras (task managers, system info) tolerate failures: let them land first.
    await waitFor('system info', () => recorded.updates('sysinfo').length)
    const errorPage = () =>
      session.diagnostics().findings?.find((f) => f.code === 'proxy-error-page')
    // The finding as listed when it was announced: REST may answer again (and resolve it) before the test looks.
    const announced: Array<ReturnType<typeof errorPage>> = []
    session.subscribe((envelope) => {
      if (envelope.update.type === 'diagnosis') announced.push(structuredClone(errorPage()))
    })

    sim.control.failNextRequests(3, 'bad-gateway')
    await waitFor('the error page found', () => recorded.updates('diagnosis').length)
    expect(announced[0]).toMatchObject({ stream: 'rest', evidence: { status: 502 } })
    expect(announced[0]?.resolvedAt).toBeUndefined()

    await waitFor('resolved', () => recorded.updates('diagnosis-resolved').length)
    expect(restLive()).toBe(true)
    const [resolved] = recorded.updates('diagnosis-resolved')
    expect(resolved).toMatchObject({ code: 'proxy-error-page', stream: 'rest' })
    const finding = errorPage()
    expect(finding?.resolvedAt).toBe(resolved.at)
    expect(resolved.at).toBeGreaterThanOrEqual(finding?.at ?? Infinity)
    // Numbered after the finding it resolves, and said once however long REST stays live.
    const seqOf = (type: string) => recorded.envelopes.find((e) => e.update.type === type)?.seq ?? 0
    expect(seqOf('diagnosis-resolved')).toBeGreaterThan(seqOf('diagnosis'))
    // Three more job polls (200 ms apart) answered live, and still one resolution.
    await waitForMore('three more live job polls', () => recorded.updates('jobs').length, 3)
    expect(restLive()).toBe(true)
    expect(recorded.updates('diagnosis-resolved')).toHaveLength(1)
    expect(toJsonLine(resolved, 1)).toEqual({
      ts: 1,
      type: 'diagnosis-resolved',
      stream: 'rest',
      code: 'proxy-error-page',
      resolvedAt: resolved.at
    })

    sim.control.failNextRequests(3, 'bad-gateway')
    await waitFor('found again', () => recorded.updates('diagnosis').length === 2)
    expect(announced).toHaveLength(2)
    expect(announced[1]?.resolvedAt).toBeUndefined()
    expect(session.diagnostics().findings).toHaveLength(1)
  })
})
