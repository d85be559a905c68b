/**
 * Conformance (a): a recording replayed against the whole core. The real `Session` (through the session manager,
 * as the app and `watch` run it) is pointed at `replay` and must reach live and show what the recording holds —
 * the recorded jobs (names, statuses), console log lines, clusters, job health detail and metrics. Every wait is
 * for an event, with a generous deadline that only fails a stuck run.
 */
import { DEFAULT_APP_SETTINGS } from '../../src/shared/profiles'
import type { SessionUpdate } from '../../src/shared/session'
import { createMemoryCacheStore } from '../../src/main/cli/memory-cache-store'
import { createLineLogger } from '../../src/main/core/logger'
import type { FetchLike } from '../../src/main/core/ports'
import type { Session } from '../../src/main/core/session/session'
import { createSessionManager } from '../../src/main/core/session/session-manager'
import type { Recording } from '../../src/main/recording/recording-files'
import type { HttpEntry } from '../../src/main/recording/recording-format'
import { startReplay } from '../../src/main/recording/replay-server'

export interface ReplayedView {
  live: boolean
  jobs: Array<{ name: string; status: string }>
  logs: Map<string, string[]>
  clusters: string[]
  health: number[]
  metrics: string[]
  unknown: string[]
}

/** What the recording says the console should show (from the first answers it recorded). */
export function expectedView(recording: Recording) {
  const http = recording.entries.filter((e): e is HttpEntry => e.kind === 'http')
  const json = (entry: HttpEntry | undefined) =>
    entry?.body && 'json' in entry.body ? (entry.body.json as Record<string, unknown>) : null
  const jobsPage = json(http.find((e) => e.path === '/api/jobInstance' && e.status === 200))
  const jobs = ((jobsPage?.data as Array<Record<string, unknown>>) ?? []).map((row) => ({
    name: String(row.name ?? ''),
    status: String(row.status ?? '')
  }))
  const clusters = http
    .filter((e) => e.path === '/api/cluster/list')
    .flatMap((e) => (json(e)?.data as Array<Record<string, unknown>>) ?? [])
    .map((row) => String(row.name ?? ''))
  const logs = new Map<string, string>()
  for (const entry of http.filter((e) => e.path === '/api/process/getProcess')) {
    const log = (json(entry)?.data as { log?: unknown } | null)?.log
    if (typeof log === 'string' && log.trim() && !logs.has(entry.query.processName))
      logs.set(entry.query.processName, log)
  }
  // The job details the recording holds an answer for (a drawer the core never got to read is not expected).
  const health = recording.manifest.session.jobDetails.filter((id) =>
    http.some(
      (e) => e.path === '/api/jobInstance/refreshJobInfoDetail' && e.query.id === String(id)
    )
  )
  // The jobs whose metrics the recording holds samples of (a job without a metrics layout has none).
  const sampled = new Set<string>()
  const sample = (value: unknown) => {
    const v = value as { model?: unknown; content?: unknown } | null
    const content = typeof v?.content === 'string' ? v.content : JSON.stringify(v?.content ?? {})
    if (typeof v?.model === 'string' && content.length > 2) sampled.add(v.model)
  }
  for (const entry of recording.entries) {
    const text =
      entry.kind === 'sse'
        ? entry.raw.replace(/^data:/m, '')
        : entry.kind === 'ws-recv'
          ? entry.data
          : null
    if (text?.includes('METRICS')) {
      try {
        const frame = JSON.parse(text) as { data?: unknown }
        const data = frame.data as Record<string, unknown> | undefined
        if (data && 'model' in data) sample(data)
        else for (const value of Object.values(data ?? {})) sample(value)
      } catch {
        // Not a JSON frame.
      }
    }
    if (entry.kind === 'http' && entry.path === '/api/monitor/getFlinkData')
      for (const row of (json(entry)?.data as unknown[]) ?? []) sample(row)
  }
  const metrics = recording.manifest.session.metrics.filter((jid) => sampled.has(jid))
  return { jobs, clusters: [...new Set(clusters)], logs, health, metrics }
}

/**
 * Runs the core against the replayed recording until it shows everything expected (or the deadline passes) and
 * returns what it showed. `fetch` lets a caller put a documented workaround between the core and the replay.
 */
export async function replayAgainstCore(
  recording: Recording,
  options: { fetch?: FetchLike; deadlineMs?: number } = {}
): Promise<ReplayedView> {
  const deadline = options.deadlineMs ?? 15_000
  const replay = await startReplay(recording, { speed: 10 })
  const manifest = recording.manifest
  const lines: string[] = []
  const manager = createSessionManager({
    cache: createMemoryCacheStore(),
    secrets: { password: () => 'replayed-password' },
    settings: () => DEFAULT_APP_SETTINGS,
    logger: createLineLogger(
      (line) => (process.env.RR_DEBUG ? console.log(line) : lines.push(line)),
      { level: process.env.RR_DEBUG ? 'debug' : 'warn' }
    ),
    fetch: options.fetch
  })
  const view: ReplayedView = {
    live: false,
    jobs: [],
    logs: new Map(),
    clusters: [],
    health: [],
    metrics: [],
    unknown: replay.unknown
  }
  try {
    const session = (await manager.open({
      id: 'replay',
      name: 'replay',
      url: replay.url,
      username: 'admin',
      tenantId: 0,
      transport: 'auto',
      extraCaPem: null,
      processes: manifest.session.processes,
      demo: false
    })) as Session
    const updates: SessionUpdate[] = []
    let wake = () => {}
    session.subscribe(({ update }) => {
      updates.push(update)
      wake()
    })
    session.metrics.subscribe((update) => {
      if (update.added.length && !view.metrics.includes(update.jid)) view.metrics.push(update.jid)
      wake()
    })
    await session.loggedIn
    // Opened once live with its first jobs, as `record` opened them: the same requests, in the same order.
    let opened = false
    const open = () => {
      opened = true
      for (const id of manifest.session.jobDetails) session.jobHealth.open(id)
      for (const jid of manifest.session.metrics) session.metrics.open(jid, 'conformance')
    }
    const expected = expectedView(recording)
    const collect = () => {
      const snapshot = session.snapshot()
      const streams = Object.values(snapshot.streams)
      view.live = streams.every((state) => state.kind === 'live')
      view.jobs = (snapshot.jobs?.stale ? [] : (snapshot.jobs?.value ?? [])).map((job) => ({
        name: job.name,
        status: job.status
      }))
      view.clusters = (snapshot.clusters?.value ?? []).map((cluster) => cluster.name)
      for (const update of updates) {
        if (update.type === 'log' && update.chunk.lines.length) {
          const seen = view.logs.get(update.chunk.process) ?? []
          view.logs.set(update.chunk.process, [...seen, ...update.chunk.lines].slice(-200))
        }
        if (
          update.type === 'job-health' &&
          update.detail &&
          !view.health.includes(update.detail.value.instanceId)
        )
          view.health.push(update.detail.value.instanceId)
      }
      updates.length = 0
      if (!opened && view.live && view.jobs.length) open()
      const done =
        view.live &&
        view.jobs.length >= Math.min(1, expected.jobs.length) &&
        [...expected.logs.keys()].every((process) => view.logs.has(process)) &&
        expected.health.every((id) => view.health.includes(id)) &&
        expected.metrics.every((jid) => view.metrics.includes(jid))
      return done
    }
    // Event-driven: every session or metrics update re-checks; the deadline only ends a stuck run.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, deadline)
      wake = () => {
        if (!collect()) return
        clearTimeout(timer)
        resolve()
      }
      wake()
    })
    wake = () => {}
    return view
  } finally {
    await manager.closeAll()
    await replay.close()
  }
}
