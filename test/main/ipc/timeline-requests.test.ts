/**
 * The timeline request channels (issue 22) through the real dispatcher: what the renderer may ask is bounded, the
 * export writes the formatted timeline through the injected save, the away summaries are collected from every open
 * session and dismissed by `timeline:away-seen`, the timeline's bounds are settings.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createConfSettingsStore } from '../../../src/main/core/cache/conf-cache-store'
import { silentLogger } from '../../../src/main/core/logger'
import { dispatchRequest } from '../../../src/main/ipc/dispatch'
import { createRequestHandlers, type RequestHandlers } from '../../../src/main/ipc/request-handlers'
import { exportFileName, timelineJson } from '../../../src/main/ipc/timeline-requests'
import { timelineCsv } from '../../../src/main/core/timeline/timeline-export'
import type { CacheStore, SettingsStore } from '../../../src/main/core/cache/cache-store'
import type { SessionHandle, SessionManager } from '../../../src/main/core/session/session-api'
import type { ServerTimeline } from '../../../src/main/core/timeline/timeline-api'
import type { AwaySummary, TimelineEvent, TimelineQuery } from '../../../src/shared/timeline'
import { createServerProfile } from '../../../src/shared/profiles'

const T0 = Date.UTC(2026, 11, 7, 10, 0)

const EVENTS: TimelineEvent[] = [
  {
    id: `${T0}-1`,
    at: T0,
    profileId: 'p1',
    jobId: null,
    taskId: null,
    jobName: null,
    kind: 'gap',
    reason: 'console-closed',
    until: T0 + 3_600_000
  },
  {
    id: `${T0}-2`,
    at: T0 + 3_700_000,
    profileId: 'p1',
    jobId: 7,
    taskId: 3,
    jobName: 'orders, "eu"',
    kind: 'status',
    from: 'RUNNING',
    to: 'FAILED'
  },
  {
    id: `${T0}-3`,
    at: T0 + 3_800_000,
    profileId: 'p1',
    jobId: 8,
    taskId: 4,
    jobName: 'other',
    kind: 'restart',
    count: 2,
    total: 5
  }
]

/**
 * An in-memory timeline as the core answers: newest first, a job's events with the server's gaps, cut at the limit;
 * records what was asked.
 */
function fakeTimeline(profileId: string, events: TimelineEvent[], away: AwaySummary | null) {
  const queries: TimelineQuery[] = []
  let summary = away
  const timeline: ServerTimeline = {
    profileId,
    record: () => {
      throw new Error('not used')
    },
    events(query = {}) {
      queries.push(query)
      return events
        .filter((e) => query.jobId === undefined || e.jobId === query.jobId || e.kind === 'gap')
        .filter((e) => query.since === undefined || e.at >= query.since)
        .sort((a, b) => b.at - a.at)
        .slice(0, query.limit ?? 500)
    },
    away: () => summary,
    markSeen: () => {
      summary = null
    },
    subscribe: () => () => undefined,
    onAway: () => () => undefined
  }
  return { timeline, queries }
}

const AWAY: AwaySummary = {
  profileId: 'p1',
  since: T0,
  until: T0 + 3_700_000,
  changes: [{ jobId: 7, taskId: 3, jobName: 'orders', from: 'RUNNING', to: 'FAILED', restarts: 0 }],
  counts: { status: 1 },
  gaps: [{ from: T0, to: T0 + 3_600_000, reason: 'console-closed' }]
}

describe('timeline requests', () => {
  let dir: string
  let handlers: RequestHandlers
  let settings: SettingsStore
  let p1: ReturnType<typeof fakeTimeline>
  const saved: Array<{ name: string; text: string }> = []
  let cancel = false

  const call = (channel: string, argument?: unknown) =>
    dispatchRequest(handlers, channel, argument, silentLogger)

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dinky-timeline-requests-'))
    saved.length = 0
    cancel = false
    p1 = fakeTimeline('p1', [...EVENTS], AWAY)
    const p2 = fakeTimeline('p2', [], null)
    const open = [
      { profileId: 'p1', timeline: p1.timeline },
      { profileId: 'p2', timeline: p2.timeline }
    ] as unknown as SessionHandle[]
    const sessions = {
      get: (id: string) => open.find((s) => s.profileId === id),
      all: () => open
    } as unknown as SessionManager
    settings = createConfSettingsStore({ dir, logger: silentLogger })
    settings.saveProfiles([
      createServerProfile({ id: 'p1', name: 'Prod', url: 'http://dinky:8888' })
    ])
    handlers = createRequestHandlers({
      sessions,
      settings,
      cache: {} as CacheStore,
      secrets: { password: () => null, setPassword: () => undefined, has: () => false },
      platform: {
        appInfo: () => {
          throw new Error('not used')
        },
        clearBrowsingData: async () => 0,
        saveFile: async (name, text) => {
          if (cancel) return null
          saved.push({ name, text })
          return join(dir, name)
        },
        openExternal: async () => undefined
      },
      onSettingsChanged: () => undefined,
      onCacheCleared: () => undefined
    })
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('answers a job query newest first and asks the timeline for at most 500 events by default', async () => {
    const result = await call('timeline:events', { profileId: 'p1', query: { jobId: 7 } })
    expect(result).toEqual({ ok: true, value: [EVENTS[1], EVENTS[0]] })
    expect(p1.queries).toEqual([{ jobId: 7, limit: 500 }])
    const all = await call('timeline:events', { profileId: 'p1', query: { limit: 2, since: T0 } })
    expect(all.ok && (all.value as TimelineEvent[]).map((e) => e.id)).toEqual([
      EVENTS[2]!.id,
      EVENTS[1]!.id
    ])
  })

  it.each([
    ['a limit over 5,000', { profileId: 'p1', query: { limit: 5_001 } }],
    ['a limit of 0', { profileId: 'p1', query: { limit: 0 } }],
    ['a negative job id', { profileId: 'p1', query: { jobId: -1 } }],
    ['a fractional job id', { profileId: 'p1', query: { jobId: 1.5 } }],
    ['an unknown query field', { profileId: 'p1', query: { kind: 'gap' } }],
    ['a profile id of 201 characters', { profileId: 'x'.repeat(201), query: {} }],
    ['no query', { profileId: 'p1' }]
  ])('refuses %s before it reaches the timeline', async (_what, argument) => {
    const result = await call('timeline:events', argument)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(p1.queries).toEqual([])
  })

  it('refuses an export in another format, or without its job id', async () => {
    for (const argument of [
      { profileId: 'p1', jobId: 7, format: 'xlsx' },
      { profileId: 'p1', format: 'csv' },
      { profileId: 'p1', jobId: '7', format: 'csv' }
    ]) {
      const result = await call('timeline:export', argument)
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    }
    expect(saved).toEqual([])
  })

  it("exports a job's timeline as CSV through the save dialog", async () => {
    const result = await call('timeline:export', { profileId: 'p1', jobId: 7, format: 'csv' })
    expect(result).toEqual({
      ok: true,
      value: { path: join(dir, 'dinky-console-timeline-p1-job-7.csv') }
    })
    expect(saved).toHaveLength(1)
    expect(saved[0]!.name).toBe('dinky-console-timeline-p1-job-7.csv')
    expect(saved[0]!.text).toBe(timelineCsv([EVENTS[1]!, EVENTS[0]!]))
    // The job's own event, its name quoted as CSV wants; not another job's.
    expect(saved[0]!.text).toContain('"orders, ""eu"""')
    expect(saved[0]!.text).not.toContain('other')
  })

  it("exports the whole server's timeline as JSON", async () => {
    const result = await call('timeline:export', { profileId: 'p1', jobId: null, format: 'json' })
    expect(result).toMatchObject({ ok: true })
    expect(saved[0]!.name).toBe('dinky-console-timeline-p1.json')
    expect(saved[0]!.text).toBe(timelineJson([EVENTS[2]!, EVENTS[1]!, EVENTS[0]!]))
    // One JSON document: the objects of `dinky-console timeline --json`, newest first.
    const parsed = JSON.parse(saved[0]!.text) as Array<Record<string, unknown>>
    expect(parsed.map((e) => [e.type, e.id])).toEqual(
      [EVENTS[2]!, EVENTS[1]!, EVENTS[0]!].map((e) => ['event', e.id])
    )
    expect(parsed[1]).toMatchObject({ kind: 'status', from: 'RUNNING', to: 'FAILED', jobId: 7 })
  })

  it('answers a null path when the save is cancelled', async () => {
    cancel = true
    const result = await call('timeline:export', { profileId: 'p1', jobId: null, format: 'csv' })
    expect(result).toEqual({ ok: true, value: { path: null } })
  })

  it('names the file after the profile in safe characters only', () => {
    expect(exportFileName('../../etc/passwd', null, 'csv')).toBe(
      'dinky-console-timeline-.._.._etc_passwd.csv'
    )
    expect(exportFileName('a'.repeat(200), 3, 'json')).toHaveLength(
      'dinky-console-timeline--job-3.json'.length + 80
    )
  })

  it("collects every open session's away summary and dismisses one", async () => {
    expect(await call('timeline:away')).toEqual({ ok: true, value: [AWAY] })
    expect(await call('timeline:away-seen', { profileId: 'p1' })).toEqual({
      ok: true,
      value: undefined
    })
    expect(await call('timeline:away')).toEqual({ ok: true, value: [] })
  })

  it('takes the timeline bounds from settings:set, within limits', async () => {
    const bounds = { maxAgeDays: 7, maxEvents: 1_000 }
    const saved = await call('settings:set', { timeline: bounds })
    expect(saved).toMatchObject({ ok: true, value: { timeline: bounds } })
    expect(settings.settings().timeline).toEqual(bounds)
    for (const timeline of [
      { maxAgeDays: 0, maxEvents: 1_000 },
      { maxAgeDays: 7, maxEvents: 50_001 },
      { maxAgeDays: 7, maxEvents: 99.5 },
      { maxAgeDays: 7 }
    ]) {
      const refused = await call('settings:set', { timeline })
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    }
    expect(settings.settings().timeline).toEqual(bounds)
  })

  it('says plainly when the server has no open session', async () => {
    const closed = await call('timeline:away-seen', { profileId: 'gone' })
    expect(closed).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })
})
