/**
 * `dinky-console watch`: one session against one server, printed as NDJSON (`--json`) or as a readable live view.
 * With `--cache-dir` the cached state is printed first (stale, with its `asOf`), then live data replaces it.
 * Resolves to the exit code: 0 after SIGINT/SIGTERM, 3 when the first login is refused.
 */
import { DEFAULT_APP_SETTINGS, type AppSettings, type ServerProfile } from '../../shared/profiles'
import type { SessionSnapshot, SessionUpdate } from '../../shared/session'
import type { AlertRulesDocument } from '../../shared/alerts'
import { createAlertCenter } from '../core/alerts/alert-center'
import type { AlertCenter } from '../core/alerts/alert-center-api'
import { recordAlertsOnTimelines } from '../core/timeline/alert-records'
import type { CacheStore } from '../core/cache/cache-store'
import { createConfCacheStore } from '../core/cache/conf-cache-store'
import { systemClock, type Logger } from '../core/ports'
import { createSessionManager } from '../core/session/session-manager'
import type { DemoServer } from '../core/session/demo-profile'
import type { ConnectionOptions, WatchOptions } from './cli-args'
import { createMemoryCacheStore } from './memory-cache-store'
import {
  cachedMetricsJsonLines,
  metricsJsonLines,
  metricsNoticeLine,
  metricsTextLines
} from './metrics-lines'
import { toJsonLine } from './ndjson-format'
import { alertJsonLine, alertTextLine } from './alert-lines'
import { TextView } from './text-format'

export interface WatchIo {
  /** Writes one line to stdout. */
  out(line: string): void
  logger: Logger
  env: Record<string, string | undefined>
  now(): number
  /** Resolves when the process is asked to stop (SIGINT, SIGTERM). */
  stopSignal: Promise<void>
  startDemoServer?: () => Promise<DemoServer>
}

/**
 * The profile a `watch` (or each server of a `fleet`) builds from its arguments; its id is the server's origin, so
 * one cache dir holds many.
 */
export function watchProfile(
  options: ConnectionOptions & { server: string; processes?: string[] }
): ServerProfile {
  const demo = options.server === 'demo'
  return {
    id: demo ? 'demo' : new URL(options.server).origin,
    name: demo ? 'Demo' : new URL(options.server).host,
    url: demo ? 'http://127.0.0.1' : options.server,
    username: options.username,
    tenantId: options.tenantId ?? 0,
    transport: options.transport,
    extraCaPem: null,
    processes: options.processes ?? [],
    demo,
    readOnly: options.readOnly
  }
}

/** The connection timings of the flags over the defaults. */
export function watchSettings(options: ConnectionOptions): AppSettings {
  const base = DEFAULT_APP_SETTINGS.connection
  return {
    ...DEFAULT_APP_SETTINGS,
    connection: {
      ...base,
      heartbeatTimeoutMs: options.heartbeatTimeoutMs ?? base.heartbeatTimeoutMs,
      backoffBaseMs: options.backoffBaseMs ?? base.backoffBaseMs,
      backoffMaxMs: options.backoffMaxMs ?? base.backoffMaxMs
    }
  }
}

/** The cached parts of a snapshot as updates, so they print exactly like live ones, marked stale. */
function cachedUpdates(snapshot: SessionSnapshot): SessionUpdate[] {
  const updates: SessionUpdate[] = []
  if (snapshot.jobs) updates.push({ type: 'jobs', jobs: snapshot.jobs, counts: snapshot.counts })
  if (snapshot.clusters) {
    updates.push({
      type: 'clusters',
      clusters: snapshot.clusters,
      taskManagers: snapshot.taskManagers
    })
  }
  for (const tail of snapshot.logs) updates.push({ type: 'log', chunk: { ...tail, stale: true } })
  for (const stream of ['topics', 'jvm', 'rest'] as const) {
    updates.push({ type: 'state', stream, state: snapshot.streams[stream] })
  }
  return updates
}

/** `rules`: the alert rules of `--rules` (read and checked by the caller), or null for none. */
/**
 * A session manager on the settings of the flags, over the cache they name (a folder, or memory): what `watch` and
 * `fleet` both run on.
 */
export function cliSessions(options: ConnectionOptions & { cacheDir: string | null }, io: WatchIo) {
  const settings = watchSettings(options)
  const cache: CacheStore = options.cacheDir
    ? createConfCacheStore({
        dir: options.cacheDir,
        logger: io.logger,
        logTailLines: () => settings.logTailLines
      })
    : createMemoryCacheStore()
  const password = io.env[options.passwordEnv] ?? null
  const manager = createSessionManager({
    cache,
    secrets: { password: () => password },
    settings: () => settings,
    logger: io.logger,
    startDemoServer: io.startDemoServer
  })
  return { cache, manager }
}

export async function runWatch(
  options: WatchOptions,
  io: WatchIo,
  rules: AlertRulesDocument | null = null
): Promise<number> {
  const { cache, manager } = cliSessions(options, io)
  const view = new TextView()
  const print = (update: SessionUpdate) => {
    const now = io.now()
    if (options.json) {
      const line = toJsonLine(update, now)
      if (line) io.out(JSON.stringify(line))
    } else {
      for (const line of view.format(update, now)) io.out(line)
    }
  }
  let alerts: AlertCenter | null = null
  const shutdown = async () => {
    alerts?.dispose()
    await manager.closeAll()
    await cache.flush()
    await cache.close()
  }

  const profile = watchProfile(options)
  const session = await manager.open(profile)
  if (rules) alerts = watchAlerts(rules, io, options.json)
  alerts?.attach(session, { name: profile.name, origin: new URL(profile.url).origin })
  // With --cache-dir the alerts go on the server's timeline too, beside what caused them (`timeline` prints them).
  if (alerts) recordAlertsOnTimelines(alerts, (id) => manager.get(id)?.timeline)
  const snapshot = session.snapshot()
  for (const update of cachedUpdates(snapshot)) print(update)
  session.subscribe((envelope) => {
    if (envelope.seq > snapshot.seq) print(envelope.update)
  })

  session.metrics?.subscribe((update) => {
    const notice = metricsNoticeLine(update, io.now())
    if (options.json) {
      for (const line of metricsJsonLines(update, io.now())) io.out(JSON.stringify(line))
      if (notice) io.out(JSON.stringify(notice))
    } else for (const line of metricsTextLines(update)) io.out(line)
  })
  for (const jid of options.metrics) {
    const opened = session.metrics?.open(jid, 'cli')
    if (!opened) continue
    if (options.json) {
      for (const line of cachedMetricsJsonLines(opened, io.now())) io.out(JSON.stringify(line))
    } else for (const line of metricsTextLines({ jid, added: opened.points }, true)) io.out(line)
  }

  const outcome = await Promise.race([
    io.stopSignal.then(() => 'signal' as const),
    session.loggedIn.then(
      () => io.stopSignal.then(() => 'signal' as const),
      () => 'refused' as const
    )
  ])
  await shutdown()
  return outcome === 'refused' ? 3 : 0
}

/** The alert center of `watch --rules`, printing each alert change as a line. */
function watchAlerts(rules: AlertRulesDocument, io: WatchIo, json: boolean): AlertCenter {
  const center = createAlertCenter({ clock: systemClock, logger: io.logger, rules })
  center.subscribe((event) => {
    const now = io.now()
    if (json) {
      const line = alertJsonLine(event, now)
      if (line) io.out(JSON.stringify(line))
    } else {
      const line = alertTextLine(event, now)
      if (line) io.out(line)
    }
  })
  return center
}
