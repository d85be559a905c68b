/**
 * What one session knows, and the one door every update goes through: `apply()` numbers the update, folds it into
 * the in-memory state (bounded log tails and JVM history), writes live data through to the cache, and hands the
 * envelope to the listeners. Cache-first: it starts from the cached snapshot, marked stale, before any network answer.
 */
import type { ConnectionState, StreamName } from '../../../shared/connection'
import type { Cluster, Fresh, Job, JvmSample, StatusCounts, SysInfo } from '../../../shared/models'
import type { TaskManager } from '../../../shared/models'
import type {
  SessionEnvelope,
  SessionSnapshot,
  SessionUpdate,
  SessionUser
} from '../../../shared/session'
import type { ProfileCache } from '../cache/cache-store'
import type { ModuleCache } from '../cache/module-cache'
import type { Logger } from '../ports'
import { DiagnosticsRecorder } from './diagnostics-recorder'
import { JobListChanges, SWEEP_MS } from './job-list-changes'
import { LogTails } from './log-tails'
import { RingBuffer } from './ring-buffer'
import { readServerFacts, saveServerFacts, SERVER_FACTS_MODULE } from './server-facts-cache'

export interface SessionModelOptions {
  profileId: string
  cache: ProfileCache
  logger: Logger
  now: () => number
  logTailLines: number
  /** JVM samples kept (the SSE stream sends one per 10 s: 360 is an hour). */
  jvmSamples?: number
}

type Listener = (envelope: SessionEnvelope) => void

export class SessionModel {
  readonly diagnostics: DiagnosticsRecorder
  readonly tails: LogTails
  /** The server's version and transport: learnt at a login in this run, or else as the cache last knew them. */
  serverVersion: string | null = null
  transport: 'sse' | 'ws' | null = null
  private serverFromCache = false
  private readonly serverFile: ModuleCache | null
  private seq = 0
  private readonly listeners = new Set<Listener>()
  private user: SessionUser | null = null
  private readonly streams: Record<StreamName, ConnectionState>
  private jobs: Fresh<Job[]> | null
  private counts: Fresh<StatusCounts> | null
  private clusters: Fresh<Cluster[]> | null
  private taskManagers: Record<number, TaskManager[]>
  private sysInfo: Fresh<SysInfo> | null
  private readonly jvm: RingBuffer<JvmSample>
  private readonly jobChanges = new JobListChanges()
  /** `asOf` of the job list last written to the cache. */
  private jobsCachedAt = Number.NEGATIVE_INFINITY

  constructor(private readonly options: SessionModelOptions) {
    const cached = options.cache.snapshot()
    this.jobs = cached.jobs
    this.counts = cached.counts
    this.clusters = cached.clusters
    this.taskManagers = cached.taskManagers
    this.sysInfo = cached.sysInfo
    this.serverFile = options.cache.module?.(SERVER_FACTS_MODULE) ?? null
    const server = readServerFacts(this.serverFile)
    if (server) {
      this.serverVersion = server.version
      this.transport = server.transport
      this.serverFromCache = true
    }
    this.jvm = new RingBuffer(options.jvmSamples ?? 360)
    this.tails = new LogTails(options.logTailLines)
    for (const tail of options.cache.logTails()) this.tails.append({ ...tail, stale: true })
    const since = options.now()
    const stopped: ConnectionState = { kind: 'stopped', reason: 'started', since }
    this.streams = { topics: stopped, jvm: stopped, rest: stopped }
    this.diagnostics = new DiagnosticsRecorder({ now: options.now })
  }

  /** What a login learnt of the server: held, and kept in the cache for a run that cannot reach it. */
  learnServer(version: string | null, transport: 'sse' | 'ws'): void {
    this.serverVersion = version
    this.transport = transport
    this.serverFromCache = false
    saveServerFacts(this.serverFile, { version, transport })
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  stream(name: StreamName): ConnectionState {
    return this.streams[name]
  }

  currentUser(): SessionUser | null {
    return this.user
  }

  /** Why everything goes through here: one place numbers updates, so the seq in a snapshot matches what was sent. */
  apply(update: SessionUpdate): void {
    if (update.type === 'jobs' && !update.changes)
      update = { ...update, changes: this.jobChanges.next(update.jobs, update.counts) }
    if (!this.fold(update)) return
    this.emit(update)
    if (update.type !== 'state') return
    for (const { code, stream } of this.diagnostics.disprovedBy(update.stream, update.state))
      this.apply({ type: 'diagnosis-resolved', code, stream, at: update.state.since })
  }

  private emit(update: SessionUpdate): void {
    const envelope: SessionEnvelope = { profileId: this.options.profileId, seq: ++this.seq, update }
    for (const listener of [...this.listeners]) {
      try {
        listener(envelope)
      } catch (error) {
        this.options.logger.error('session listener failed', { error: String(error) })
      }
    }
  }

  /** Folds an update into the state; false when it is not news and must not be sent. */
  private fold(update: SessionUpdate): boolean {
    const { cache } = this.options
    switch (update.type) {
      case 'state':
        if (sameState(this.streams[update.stream], update.state)) return false
        this.streams[update.stream] = update.state
        this.diagnostics.recordState(update.stream, update.state)
        // What the cache says of the list's age must be true once the server is out of reach (and on stop).
        if (update.stream === 'rest' && !isLive(update.state)) this.cacheJobs(false)
        return true
      case 'jobs': {
        this.jobs = update.jobs
        if (update.counts) this.counts = update.counts
        const changes = update.changes
        const changed =
          !changes ||
          changes.full ||
          changes.upserts.length > 0 ||
          changes.removed.length > 0 ||
          changes.countsChanged
        // An unchanged list is not rewritten every poll: only its age, at most once a minute.
        if (changed || update.jobs.asOf - this.jobsCachedAt >= SWEEP_MS) this.cacheJobs(true)
        return true
      }
      case 'clusters':
        this.clusters = update.clusters
        this.taskManagers = update.taskManagers
        cache.saveSnapshot({
          part: 'clusters',
          value: update.clusters,
          taskManagers: update.taskManagers
        })
        return true
      case 'sysinfo':
        this.sysInfo = update.sysInfo
        cache.saveSnapshot({ part: 'sysInfo', value: update.sysInfo })
        return true
      case 'log':
        this.tails.append(update.chunk)
        if (!update.chunk.stale)
          cache.appendLog(update.chunk.process, update.chunk.run, update.chunk.lines)
        return true
      case 'jvm':
        this.jvm.push(update.sample)
        return true
      case 'user':
        this.user = update.user
        return true
      case 'diagnosis':
        this.diagnostics.recordFinding(update.diagnosis)
        return true
      case 'diagnosis-resolved':
        return this.diagnostics.resolveFinding(update.code, update.stream, update.at)
      default:
        return true
    }
  }

  /**
   * Writes the job list and counts through to the cache: `always`, or only when the cache's copy is older than what
   * is held (the last polls found nothing new, then the server went away or the session stopped).
   */
  private cacheJobs(always: boolean): void {
    const jobs = this.jobs
    if (!jobs || jobs.stale || (!always && jobs.asOf <= this.jobsCachedAt)) return
    this.jobsCachedAt = jobs.asOf
    this.options.cache.saveSnapshot({ part: 'jobs', value: jobs })
    if (this.counts && !this.counts.stale)
      this.options.cache.saveSnapshot({ part: 'counts', value: this.counts })
  }

  /**
   * Drops from memory what only the cache vouched for (stale parts and log tails), after the user cleared the cache:
   * otherwise the cleared state would come straight back. Live data stays: it is the server's, not the cache's.
   */
  forgetCached(): void {
    if (this.jobs?.stale) this.jobs = null
    if (this.counts?.stale) this.counts = null
    if (this.clusters?.stale) {
      this.clusters = null
      this.taskManagers = {}
    }
    if (this.sysInfo?.stale) this.sysInfo = null
    for (const tail of this.tails.all()) if (tail.stale) this.tails.remove(tail.process)
    if (this.serverFromCache) {
      this.serverVersion = null
      this.transport = null
      this.serverFromCache = false
    }
  }

  snapshot(): SessionSnapshot {
    return {
      profileId: this.options.profileId,
      seq: this.seq,
      serverVersion: this.serverVersion,
      transport: this.transport,
      user: this.user,
      streams: { ...this.streams },
      jobs: this.jobs,
      counts: this.counts,
      clusters: this.clusters,
      taskManagers: this.taskManagers,
      sysInfo: this.sysInfo,
      jvm: this.jvm.toArray(),
      logs: this.tails.all()
    }
  }
}

/** Degraded is live data by polling. */
function isLive(state: ConnectionState): boolean {
  return state.kind === 'live' || state.kind === 'degraded'
}

/** A state equal in kind, reason and attempt is not news (a retry scheduled twice, a repeated stop). */
function sameState(a: ConnectionState, b: ConnectionState): boolean {
  if (a.kind !== b.kind) return false
  if (a.kind === 'live') return true
  if (a.kind === 'reconnecting' && b.kind === 'reconnecting') {
    return a.attempt === b.attempt && a.reason === b.reason && a.retryAt === b.retryAt
  }
  return 'reason' in b && a.reason === b.reason
}
