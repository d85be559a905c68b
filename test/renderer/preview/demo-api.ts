/**
 * The preview's `window.api`: the demo world served through the fake API, shaped by URL parameters —
 * `lang`, `theme`, `view`, `state` (live | reconnecting | offline | auth-expired | stale), `job` (open a job's
 * drawer) and `static=1` (no live ticking, for stable screenshots).
 */
import type { ConnectionState } from '../../../src/shared/connection'
import {
  DEFAULT_APP_SETTINGS,
  type AppSettings,
  type LanguageChoice,
  type ThemeChoice
} from '../../../src/shared/profiles'
import type { Diagnostics, SessionSnapshot } from '../../../src/shared/session'
import { createFakeApi, type FakeApi } from '../fake-api'
import { demoLogLines, demoSnapshot, jvmAt, NOW, PROFILES, USER } from './demo-world'
import { demoAway, demoTimelineQuery } from './demo-timeline'

export function createDemoApi(params: URLSearchParams): FakeApi {
  let settings: AppSettings = {
    ...DEFAULT_APP_SETTINGS,
    language: (params.get('lang') ?? 'system') as LanguageChoice,
    theme: (params.get('theme') ?? 'light') as ThemeChoice
  }
  let selectedId = 'prod'
  let awaySeen = false
  const mode = params.get('state') ?? 'live'
  const snapshot = (profileId: string) => shapeSnapshot(demoSnapshot(profileId, 20_000), mode)

  const fake = createFakeApi({
    'app:info': () => ({
      version: '0.1.0',
      platform: 'linux',
      locale: 'zh-CN',
      darkMode: false,
      secretsBackend: 'os'
    }),
    'settings:get': () => settings,
    'settings:set': (change) => (settings = { ...settings, ...change }),
    'profiles:list': () => ({ profiles: PROFILES, selectedId, withPassword: ['prod', 'staging'] }),
    'profiles:select': ({ profileId }) => {
      selectedId = profileId
      return { profiles: PROFILES, selectedId, withPassword: ['prod', 'staging'] }
    },
    'profiles:test': () => ({ version: '1.1.0', transport: 'sse', username: 'admin' }),
    'session:snapshot': ({ profileId }) => snapshot(profileId),
    'session:retry-now': () => undefined,
    'session:login': () => USER,
    'session:logout': () => undefined,
    'session:switch-tenant': ({ tenantId }) => ({
      ...USER,
      tenantId,
      tenantCode: tenantId === 2 ? 'risk_team' : 'DefaultTenant'
    }),
    'jobs:detail': ({ jobId }) => {
      const job = snapshot(selectedId).jobs!.value.find((row) => row.id === jobId)!
      const failed = job.status === 'FAILED' || job.status === 'FAILING'
      return {
        job,
        clusterName: 'YARN 生产会话',
        jobManagerAddress: 'jm-yarn-01:8081',
        rootException: failed ? demoLogLines(6, 50).slice(1).join('\n') : null,
        exceptionTimestamp: failed ? NOW - 600_000 : null,
        statement: 'INSERT INTO doris_ods.orders SELECT * FROM mysql_cdc.orders'
      }
    },
    'jobs:action': () => ({ message: 'Success' }),
    'logs:follow': ({ process }) => [
      { process, run: 'run-a', lines: demoLogLines(1_500), stale: false }
    ],
    'logs:unfollow': () => undefined,
    'logs:save': ({ suggestedName }) => ({ path: `/home/operator/${suggestedName}` }),
    'cache:info': () => [
      { profileId: 'prod', bytes: 3_481_272 },
      { profileId: 'staging', bytes: 912_384 },
      { profileId: 'demo', bytes: 48_113 }
    ],
    'cache:clear': () => ({ bytesFreed: 4_441_769 }),
    'diagnostics:get': ({ profileId }) => diagnostics(profileId, mode),
    'diagnostics:export': () => ({ path: '/home/operator/dinky-console-diagnostics.json' }),
    'timeline:events': ({ profileId, query }) => demoTimelineQuery(profileId, query),
    'timeline:away': () => (awaySeen ? [] : [demoAway('prod')]),
    'timeline:away-seen': () => void (awaySeen = true),
    'timeline:export': ({ format }) => ({ path: `/home/operator/dinky-console-timeline.${format}` })
  })

  if (params.get('static') !== '1') startTicking(fake)
  return fake
}

function shapeSnapshot(snapshot: SessionSnapshot, mode: string): SessionSnapshot {
  const state = modeState(mode)
  if (!state) return snapshot
  const stale = mode !== 'reconnecting'
  const age = <T extends { asOf: number; stale: boolean }>(fresh: T | null) =>
    fresh && { ...fresh, asOf: NOW - 5 * 60_000, stale }
  return {
    ...snapshot,
    streams: { topics: state, jvm: state, rest: state },
    jobs: age(snapshot.jobs),
    counts: age(snapshot.counts),
    clusters: age(snapshot.clusters),
    sysInfo: age(snapshot.sysInfo),
    logs: snapshot.logs.map((log) => ({ ...log, stale }))
  }
}

function modeState(mode: string): ConnectionState | null {
  const since = NOW - 5 * 60_000
  switch (mode) {
    case 'reconnecting':
      return {
        kind: 'reconnecting',
        attempt: 3,
        retryAt: Date.now() + 12_000,
        reason: 'connection-reset',
        since
      }
    case 'offline':
      return { kind: 'offline', reason: 'network-offline', since }
    case 'auth-expired':
      return { kind: 'auth-expired', reason: 'token-expired', since }
    case 'stale':
      return { kind: 'connecting', reason: 'started', since }
    default:
      return null
  }
}

function diagnostics(profileId: string, mode: string): Diagnostics {
  const proxied = profileId === 'staging'
  return {
    profileId,
    serverVersion: profileId === 'staging' ? '1.2.0-SNAPSHOT' : '1.1.0',
    transport: profileId === 'staging' ? 'ws' : 'sse',
    history: [
      {
        stream: 'topics',
        state: { kind: 'connecting', reason: 'started', since: NOW - 3_700_000 },
        at: NOW - 3_700_000
      },
      { stream: 'topics', state: { kind: 'live', since: NOW - 3_690_000 }, at: NOW - 3_690_000 },
      {
        stream: 'topics',
        state: {
          kind: 'reconnecting',
          attempt: 1,
          retryAt: NOW - 1_799_000,
          reason: 'heartbeat-lost',
          since: NOW - 1_800_000
        },
        at: NOW - 1_800_000
      },
      { stream: 'topics', state: { kind: 'live', since: NOW - 1_798_000 }, at: NOW - 1_798_000 },
      {
        stream: 'jvm',
        state: {
          kind: 'reconnecting',
          attempt: 1,
          retryAt: NOW - 599_000,
          reason: 'server-closed',
          since: NOW - 600_000
        },
        at: NOW - 600_000
      },
      { stream: 'jvm', state: { kind: 'live', since: NOW - 598_000 }, at: NOW - 598_000 },
      ...(modeState(mode)
        ? [{ stream: 'topics' as const, state: modeState(mode)!, at: NOW - 5 * 60_000 }]
        : [])
    ],
    lastHeartbeatAt: Date.now() - 4_000,
    heartbeatIntervalsMs: proxied
      ? [0.1, 0.1, 27_000, 0.2, 0.1, 27_100].map(Math.round)
      : [9_001, 9_000, 9_003, 8_998, 9_002],
    reconnects: 2,
    eventsPerSecond: 14.2,
    streamHeaders: {
      'content-type': proxied ? 'text/html;charset=UTF-8' : 'text/event-stream',
      'transfer-encoding': 'chunked',
      server: proxied ? 'nginx/1.24.0' : 'Apache-Coyote/1.1',
      'set-cookie': '[redacted]'
    },
    contentTypeOk: !proxied,
    heartbeatsBursty: proxied
  }
}

function startTicking(fake: FakeApi) {
  let line = 20_000
  let sample = 120
  setInterval(() => {
    const lines = demoLogLines(25, line)
    line += 25
    fake.push('logs:append', [
      {
        profileId: 'prod',
        process: 'FlinkSubmit/10',
        run: 'run-a',
        lines,
        stale: false,
        sessionSeq: line
      }
    ])
  }, 250)
  setInterval(() => {
    fake.push('jvm:sample', [{ profileId: 'prod', at: Date.now(), jvm: jvmAt(sample++) }])
  }, 2_000)
}
