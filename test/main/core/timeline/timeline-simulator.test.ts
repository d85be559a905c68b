/**
 * The timeline of a real session (`createSessionManager`, a real cache folder) against the simulator on loopback:
 * what it records while live, the gap and the away summary of a period the console was closed, its bounds, and the
 * CLI printing the same cache from a child process.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CacheStore } from '../../../../src/main/core/cache/cache-store'
import { profileDir } from '../../../../src/main/core/cache/cache-paths'
import { createConfCacheStore } from '../../../../src/main/core/cache/conf-cache-store'
import { silentLogger } from '../../../../src/main/core/logger'
import type { Clock } from '../../../../src/main/core/ports'
import type { Session } from '../../../../src/main/core/session/session'
import {
  createSessionManager,
  type DefaultSessionManager
} from '../../../../src/main/core/session/session-manager'
import { createServerProfile, DEFAULT_APP_SETTINGS } from '../../../../src/shared/profiles'
import type { TimelineEvent, TimelineSettings } from '../../../../src/shared/timeline'
import { startSimulator, type Simulator } from '../../../../src/simulator/index'
import { waitUntil } from '../../../support/wait-until'
import { runCli } from '../../cli/cli-process'
import { FAST_CONNECTION } from '../session/session-harness'

const HOUR = 3_600_000

describe('the timeline of a session against the simulator', () => {
  let sim: Simulator | null = null
  let dir: string | null = null
  let store: CacheStore | null = null
  let manager: DefaultSessionManager | null = null
  /** Wall time plus an offset the test moves: "reopened two hours later" without waiting two hours. */
  let offset = 0
  const clock: Clock = {
    now: () => Date.now() + offset,
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
  }

  afterEach(async () => {
    await manager?.closeAll()
    await store?.close()
    await sim?.close()
    if (dir) await rm(dir, { recursive: true, force: true })
    sim = store = manager = dir = null
    offset = 0
  })

  async function openSession(timeline?: TimelineSettings): Promise<Session> {
    sim ??= await startSimulator({ tickMs: 0, logRate: 0, heartbeatMs: 60_000 })
    dir ??= await mkdtemp(join(tmpdir(), 'dinky-timeline-'))
    store = createConfCacheStore({ dir, logger: silentLogger, writeIntervalMs: 10 })
    manager = createSessionManager({
      cache: store,
      secrets: { password: () => 'dinky123!@#' },
      settings: () => ({
        ...DEFAULT_APP_SETTINGS,
        connection: { ...FAST_CONNECTION, jobsPollMs: 200, jobDetailBudgetPerSecond: 10 },
        timeline
      }),
      logger: silentLogger,
      clock
    })
    // The id `watch` and `timeline` give a server: its origin.
    const url = sim.url
    const session = await manager.open(
      createServerProfile({ id: new URL(url).origin, name: 'sim', url })
    )
    await session.loggedIn
    await waitUntil('live jobs', () => session.snapshot().jobs?.stale === false)
    return session
  }

  /** Closes the console: sessions stopped, the cache written and closed. */
  async function closeConsole(): Promise<void> {
    await manager?.closeAll()
    await store?.close()
    manager = store = null
  }

  const running = (session: Session) =>
    session.snapshot().jobs!.value.filter((job) => job.status === 'RUNNING')

  it('records status changes and one event per checkpoint-failure streak', async () => {
    const session = await openSession()
    const [failing, flaky] = running(session)
    sim!.control.jobHealth.checkpointInterval(500)
    sim!.control.jobHealth.failCheckpoints(flaky.taskId)
    session.jobHealth.open(flaky.id)
    sim!.control.failJob(failing.taskId)
    const streaks = () =>
      session.timeline
        .events({ jobId: flaky.id })
        .filter(
          (e): e is Extract<TimelineEvent, { kind: 'checkpoint-failures' }> =>
            e.kind === 'checkpoint-failures'
        )
    await waitUntil(
      'a checkpoint-failure streak that grew',
      () => streaks()[0]?.until > streaks()[0]?.at,
      {
        state: () => streaks()
      }
    )
    expect(streaks()).toHaveLength(1)
    expect(streaks()[0].count).toBeGreaterThanOrEqual(2)
    expect(streaks()[0].message).toMatch(/Checkpoint expired/)
    const status = await waitUntil('the failed job on the timeline', () =>
      session.timeline
        .events({ jobId: failing.id })
        .find((e) => e.kind === 'status' && e.to === 'FAILED')
    )
    expect(status).toMatchObject({
      from: 'RUNNING',
      jobName: failing.name,
      profileId: new URL(sim!.url).origin
    })
  }, 60_000)

  it('shows a gap for the period the console was closed, and what changed meanwhile', async () => {
    let session = await openSession()
    const victim = running(session)[0]
    await closeConsole()
    const closedAt = clock.now()
    sim!.control.failJob(victim.taskId)
    offset += 2 * HOUR

    session = await openSession()
    const reopenedAt = clock.now()
    const away = await waitUntil('the away summary', () => session.timeline.away())
    expect(away.changes).toContainEqual(
      expect.objectContaining({ jobId: victim.id, from: 'RUNNING', to: 'FAILED' })
    )
    const gap = session.timeline.events().find((e) => e.kind === 'gap')
    expect(gap).toMatchObject({ reason: 'console-closed', jobId: null })
    expect(gap!.at).toBeLessThanOrEqual(closedAt)
    expect(gap!.at).toBeGreaterThan(closedAt - 60_000)
    expect(gap!.kind === 'gap' && gap!.until).toBeGreaterThanOrEqual(reopenedAt - 1_000)
    expect(away.gaps).toContainEqual(
      expect.objectContaining({ reason: 'console-closed', from: gap!.at })
    )
    session.timeline.markSeen()
    expect(session.timeline.away()).toBeNull()
    await waitUntil('the failure on the timeline', () =>
      session.timeline
        .events({ jobId: victim.id })
        .some((e) => e.kind === 'status' && e.to === 'FAILED')
    )
    await closeConsole()

    const json = runCli(['timeline', '--server', sim!.url, '--cache-dir', dir!, '--json'])
    expect(await json.exit).toBe(0)
    const lines = json.stdout
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(lines.length).toBeGreaterThan(0)
    expect(lines.every((line) => line.type === 'event')).toBe(true)
    expect(lines).toContainEqual(
      expect.objectContaining({ kind: 'gap', reason: 'console-closed', at: gap!.at })
    )
    expect(lines).toContainEqual(
      expect.objectContaining({ kind: 'status', jobId: victim.id, from: 'RUNNING', to: 'FAILED' })
    )
    const text = runCli([
      'timeline',
      '--server',
      sim!.url,
      '--cache-dir',
      dir!,
      '--job',
      String(victim.id)
    ])
    expect(await text.exit).toBe(0)
    expect(text.stdout.some((line) => /GAP \(console closed\)/.test(line))).toBe(true)
    expect(
      text.stdout.some((line) => line.includes(`(#${victim.id})  status RUNNING -> FAILED`))
    ).toBe(true)
  }, 90_000)

  it('keeps no more events than the settings allow, in memory and on disk', async () => {
    const session = await openSession({ maxAgeDays: 30, maxEvents: 2 })
    const victims = running(session).slice(0, 3)
    for (const victim of victims) sim!.control.failJob(victim.taskId)
    const last = victims.at(-1)!
    await waitUntil('every failure seen', () =>
      victims.every(
        (victim) =>
          session.snapshot().jobs!.value.find((j) => j.id === victim.id)?.status === 'FAILED'
      )
    )
    await waitUntil('the last failure on the timeline', () =>
      session.timeline.events().some((e) => e.jobId === last.id && e.kind === 'status')
    )
    expect(session.timeline.events()).toHaveLength(2)
    const origin = new URL(sim!.url).origin
    const path = join(profileDir(dir!, origin), 'timeline.json')
    await closeConsole()
    const document = JSON.parse(await readFile(path, 'utf8')) as {
      events: unknown[]
      aliveAt: number
    }
    expect(document.events).toHaveLength(2)
    expect(document.aliveAt).toBeGreaterThan(0)
  }, 60_000)

  it("records the console's own job actions with Dinky's answer", async () => {
    const session = await openSession()
    const target = running(session)[0]
    const message = await session.jobAction({
      kind: 'cancel',
      taskId: target.taskId,
      withSavepoint: false
    })
    const action = session.timeline.events({ jobId: target.id }).find((e) => e.kind === 'action')
    expect(action).toMatchObject({ action: 'cancel', ok: true, message, taskId: target.taskId })
    await expect(
      session.jobAction({ kind: 'restart', taskId: 999_999, savepointPath: null })
    ).rejects.toThrow()
    expect(session.timeline.events()[0]).toMatchObject({
      kind: 'action',
      action: 'restart',
      ok: false
    })
    // The simulator holds a cancelled job in CANCELLING until its next tick.
    await waitUntil('the cancelling job on the timeline', () =>
      session.timeline
        .events({ jobId: target.id })
        .some((e) => e.kind === 'status' && e.to === 'CANCELLING')
    )
  }, 60_000)

  it('exits 2 with a clear message on bad arguments', async () => {
    const run = runCli(['timeline', '--server', 'http://127.0.0.1:1', '--since', 'yesterday'])
    expect(await run.exit).toBe(2)
    expect(run.stderr()).toMatch(/--since wants an ISO date or time/)
  })
})
