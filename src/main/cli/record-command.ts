/**
 * `dinky-console record --server URL --out DIR`: runs the console's own session for `--seconds` (opening a few
 * jobs' details, console and Flink logs and metrics on the way) through a recording fetch and WebSocket, then
 * writes every exchange, SSE event and WS frame it saw, secrets masked, as a recording `replay` can serve.
 * Exit 0 when written, 3 when the login was refused (the recording is written all the same: it shows why).
 */
import { DEFAULT_APP_SETTINGS } from '../../shared/profiles'
import { createSessionManager } from '../core/session/session-manager'
import type { Session } from '../core/session/session'
import type { FetchLike, Logger } from '../core/ports'
import { Recorder } from '../recording/recorder'
import { createRecordingFetch } from '../recording/recording-fetch'
import { writeRecording } from '../recording/recording-files'
import {
  PASSWORD_PLACEHOLDER,
  RECORDING_FORMAT,
  RECORDING_FORMAT_VERSION,
  type RecordingManifest
} from '../recording/recording-format'
import { createRecordingWebSocket } from '../recording/recording-websocket'
import { firstLiveJobs, openFlinkLogs, openJobs, pickJobs } from '../recording/record-session'
import { createMemoryCacheStore } from './memory-cache-store'
import type { RecordOptions } from './record-args'

export interface RecordIo {
  out(line: string): void
  logger: Logger
  env: Record<string, string | undefined>
  now(): number
  stopSignal: Promise<void>
  /** The network under the recording; default the global fetch (tests pass one that sees the real token). */
  fetch?: FetchLike
  /** Called once the session has opened what it records (tests stop the recording there, not after a sleep). */
  onOpened?: () => void
}

export async function runRecord(options: RecordOptions, io: RecordIo): Promise<number> {
  const password = io.env[options.passwordEnv] ?? null
  const recorder = new Recorder(io.now)
  recorder.mask.add(password, PASSWORD_PLACEHOLDER)
  const fetch = createRecordingFetch(recorder, io.fetch ?? globalThis.fetch)
  const cache = createMemoryCacheStore()
  const manager = createSessionManager({
    cache,
    secrets: { password: () => password },
    settings: () => DEFAULT_APP_SETTINGS,
    logger: io.logger,
    fetch,
    webSocket: createRecordingWebSocket(recorder)
  })
  const url = new URL(options.server)
  const session = (await manager.open({
    id: url.origin,
    name: url.host,
    url: options.server,
    username: options.username,
    tenantId: options.tenantId ?? 0,
    transport: options.transport,
    extraCaPem: null,
    processes: options.processes,
    demo: false
  })) as Session
  const end = Promise.race([
    io.stopSignal,
    new Promise<void>((resolve) => setTimeout(resolve, options.seconds * 1000).unref())
  ])
  const addresses = new Set<string>()
  const details = new Set<number>()
  session.subscribe(({ update }) => {
    if (update.type !== 'job-health' || !update.detail) return
    details.add(update.detail.value.instanceId)
    const address = update.detail.value.jobManagerAddress
    if (address) addresses.add(address)
  })
  const refused = await Promise.race([
    session.loggedIn.then(
      () => false,
      () => true
    ),
    end.then(() => false)
  ])
  const opened = {
    processes: [...options.processes],
    jobDetails: [] as number[],
    flinkLogs: [] as string[],
    metrics: [] as string[]
  }
  if (!refused) {
    const jobs = await firstLiveJobs(session, end)
    if (jobs) {
      const more = await openJobs(session, pickJobs(jobs, options), options, io.logger)
      opened.processes.push(...more.processes)
      opened.jobDetails = more.jobDetails
      opened.metrics = more.metrics
      await Promise.race([end, waitForAddress(session, addresses)])
      opened.flinkLogs = await openFlinkLogs(session, [...addresses], io.logger)
      await Promise.race([end, healthOf(session, more.jobDetails, details)])
      await Promise.race([end, session.metrics.settled()])
    }
    io.onOpened?.()
    await end
  }
  const snapshot = session.snapshot()
  await manager.closeAll()
  await cache.close()
  const { entries, counts } = recorder.result()
  const manifest: RecordingManifest = {
    format: RECORDING_FORMAT,
    formatVersion: RECORDING_FORMAT_VERSION,
    recordedAt: new Date(recorder.startedAt).toISOString(),
    durationMs: recorder.t(),
    serverVersion: snapshot.serverVersion ?? null,
    transport: snapshot.transport ?? null,
    tokenName: recorder.mask.tokenName,
    session: { ...opened, processes: [...new Set(opened.processes)] },
    masked: [
      'password',
      'login tokens (headers, cookies, queries, paths, frames)',
      'cookie values'
    ],
    counts,
    notes: refused ? ['the login was refused'] : []
  }
  const bytes = await writeRecording(options.out, { manifest, entries })
  io.out(`recorded ${entries.length} entries (${Math.round(bytes / 1024)} KB) to ${options.out}`)
  return refused ? 3 : 0
}

/** Resolves once every opened job's health detail was read (so the recording holds each). */
function healthOf(session: Session, ids: readonly number[], details: Set<number>): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!ids.every((id) => details.has(id))) return false
      unsubscribe()
      resolve()
      return true
    }
    const unsubscribe = session.subscribe(() => check())
    check()
  })
}

/** Resolves once a health detail named a JobManager address (the Flink log needs one). */
function waitForAddress(session: Session, addresses: Set<string>): Promise<void> {
  return new Promise((resolve) => {
    if (addresses.size) return resolve()
    const unsubscribe = session.subscribe(() => {
      if (!addresses.size) return
      unsubscribe()
      resolve()
    })
  })
}
