/**
 * The push streams of one session: a supervisor each for the topic stream (console logs) and the JVM stream (one
 * WebSocket carries both on Dinky 1.2+), wired
 * to the session model (states, JVM samples, diagnostics). Every reopen of the topic stream after the first asks the
 * REST sync for a snapshot, because Dinky's streams carry no event ids and no job status: what was missed is only
 * recoverable from REST. Followed processes are read only once the server holds their topic, so no line falls
 * between the read and the subscription.
 */
import type { ConnectionSettings } from '../../../shared/profiles'
import { createClockJumpDetector } from '../connection/clock-jump'
import { createStreamSupervisor } from '../connection/supervisor'
import type { StreamSupervisor } from '../connection/supervisor-api'
import type { DinkyClient, DinkyProcess } from '../dinky/types'
import type { Clock, Logger } from '../ports'
import { createStreamTransports } from '../stream/choose-transport'
import { WsEndpointMemory } from '../stream/ws-endpoints'
import { WS_HEARTBEAT_MS } from '../stream/ws-transport'
import type { StreamMessage, StreamTransport } from '../stream/transport'
import type { RunningTasks } from '../sync/running-tasks'
import { RestFallbackPoller } from '../sync/rest-fallback-poller'
import type { SessionModel } from './session-model'
import type { SessionMetrics } from '../metrics/session-metrics'

export interface SessionStreamsOptions {
  client: DinkyClient
  transport: 'sse' | 'ws'
  model: SessionModel
  clock: Clock
  logger: Logger
  settings: ConnectionSettings
  random?: () => number
  relogin: () => Promise<void>
  processes: readonly string[]
  onProcess(process: string, entity: DinkyProcess): void
  /** A process read by REST while the topic stream is degraded (the fetched path of the log-delta cursor). */
  onFetchedProcess?(process: string, entity: DinkyProcess): void
  /** The topic stream opened again after its first open: resync from REST (its processes wait for the next). */
  onTopicsReopened(): void
  /**
   * The topic stream now carries these processes, newly on this connection: read them over REST now, as any line
   * written after that read arrives on the stream. A fetch before this point could miss lines written until then.
   */
  onProcessesSubscribed(processes: readonly string[]): void
  /** Live metrics: the jobs it wants ride on the topic stream, and it hears of pushes, drops and subscriptions. */
  metrics?: SessionMetrics
  /** Takes WS `TASK_RUN_INSTANCE` pushes (the tasks Dinky monitors), and hears when the topic stream is not live. */
  runningTasks?: RunningTasks
}

/**
 * A shorter watchdog than Dinky's rhythm needs pings at least three times per period, or a healthy socket whose only
 * traffic is PONGs would trip it; null keeps the transport's own (its heartbeat interval).
 */
function pingIntervalFor(heartbeatTimeoutMs: number | null): number | undefined {
  return heartbeatTimeoutMs
    ? Math.min(WS_HEARTBEAT_MS, Math.round(heartbeatTimeoutMs / 3))
    : undefined
}

export class SessionStreams {
  private readonly supervisors: StreamSupervisor[] = []
  private topics: StreamTransport | null = null
  private topicOpens = 0
  /** The processes the server holds for the current topic connection; emptied at every open. */
  private subscribedProcesses = new Set<string>()
  private subscribedMetrics = new Set<string>()
  private processes: readonly string[]
  /** Which WebSocket shape this server's versions speak, kept across reconnects (probed again on a new version). */
  private readonly wsEndpoints = new WsEndpointMemory()
  private readonly fallback: RestFallbackPoller

  constructor(private readonly options: SessionStreamsOptions) {
    const { client, logger, model } = options
    this.fallback = new RestFallbackPoller({
      client,
      clock: options.clock,
      logger,
      processes: () => this.topics?.topics().processes ?? [],
      onProcess: (process, entity) => options.onFetchedProcess?.(process, entity),
      onJvm: (jvm, at) => model.apply({ type: 'jvm', sample: { at, jvm } }),
      onJvmUnavailable: (message) => model.apply({ type: 'error', reason: 'http-4xx', message })
    })
    this.processes = [...options.processes]
    const serverVersion = () => model.serverVersion
    const endpoints = this.wsEndpoints
    const maxEventBytes = options.settings.maxEventBytes
    const made = createStreamTransports(options.transport, {
      client,
      logger,
      endpoints,
      serverVersion,
      maxEventBytes,
      // The topics' own silence is judged over the watchdog's period (a PONG re-arms the watchdog, not this).
      topicSilenceMs: options.settings.heartbeatTimeoutMs ?? undefined,
      pingIntervalMs: pingIntervalFor(options.settings.heartbeatTimeoutMs)
    })
    for (const transport of made) {
      if (transport.stream === 'topics') {
        this.topics = transport
        transport.setTopics(this.topicSet())
        model.diagnostics.heartbeatIntervalMs = transport.heartbeatIntervalMs
      }
      this.supervisors.push(this.supervise(transport))
    }
  }

  start(): void {
    for (const supervisor of this.supervisors) supervisor.start()
  }

  setProcesses(processes: readonly string[]): void {
    this.processes = [...processes]
    this.topics?.setTopics(this.topicSet())
  }

  /** The metrics module's wanted jobs changed: the full topic set goes out again (Dinky replaces, never adds). */
  setMetrics(): void {
    this.topics?.setTopics(this.topicSet())
  }

  private topicSet() {
    return {
      processes: [...this.processes],
      metrics: this.options.metrics?.wanted() ?? [],
      printTables: []
    }
  }

  retryNow(): void {
    for (const supervisor of this.supervisors) supervisor.retryNow()
  }

  notifyNetwork(online: boolean): void {
    for (const supervisor of this.supervisors) supervisor.notifyNetwork(online)
  }

  notifyResume(): void {
    for (const supervisor of this.supervisors) supervisor.notifyResume()
  }

  async stop(): Promise<void> {
    this.fallback.stop()
    await Promise.all(this.supervisors.map((supervisor) => supervisor.stop()))
  }

  private supervise(transport: StreamTransport): StreamSupervisor {
    const { clock, model, settings } = this.options
    const stream = transport.stream
    return createStreamSupervisor({
      transport,
      clock,
      logger: this.options.logger,
      random: this.options.random,
      backoff: {
        baseMs: settings.backoffBaseMs,
        factor: settings.backoffFactor,
        maxMs: settings.backoffMaxMs,
        resetAfterMs: settings.backoffResetAfterMs
      },
      heartbeatTimeoutMs: settings.heartbeatTimeoutMs,
      starvedAfterMs: settings.jvmStarvedAfterMs,
      starvedRetryMs: settings.jvmStarvedRetryMs,
      relogin: this.options.relogin,
      detectClockJump: (onJump) => createClockJumpDetector({ clock }, onJump),
      onState: (state) => {
        model.apply({ type: 'state', stream, state })
        if (stream === 'topics' && state.kind !== 'live') {
          this.options.runningTasks?.lost()
          this.options.metrics?.onStreamDown()
        }
        // WebSocket carries the JVM figures on the one socket: the jvm stream is that socket.
        if (transport.kind === 'ws') model.apply({ type: 'state', stream: 'jvm', state })
        for (const carried of transport.kind === 'ws' ? (['topics', 'jvm'] as const) : [stream])
          if (carried !== 'rest') this.fallback.set(carried, state.kind === 'degraded')
      },
      restLive: () => model.stream('rest').kind === 'live',
      onDiagnosis: (diagnosis) => model.apply({ type: 'diagnosis', diagnosis }),
      onDiagnosisResolved: (code, at) =>
        model.apply({ type: 'diagnosis-resolved', code, stream, at }),
      onMessage: (message) => this.onMessage(message),
      onOpen: (info) => {
        if (stream !== 'topics') return
        model.diagnostics.recordOpen(transport.kind, info)
        this.subscribedProcesses = new Set()
        this.subscribedMetrics = new Set()
        if (++this.topicOpens > 1) this.options.onTopicsReopened()
      },
      onSubscribed: (topics) => {
        if (stream !== 'topics') return
        const added = topics.processes.filter((process) => !this.subscribedProcesses.has(process))
        this.subscribedProcesses = new Set(topics.processes)
        if (added.length > 0) this.options.onProcessesSubscribed(added)
        const jobs = topics.metrics.filter((jid) => !this.subscribedMetrics.has(jid))
        this.subscribedMetrics = new Set(topics.metrics)
        // Even with no job yet: the metrics module then knows the stream is live, so a job opened later is
        // backfilled at once (as it is again when this subscription is announced).
        this.options.metrics?.onSubscribed(jobs)
      },
      onHeartbeat: (at) => {
        model.diagnostics.recordEvent(at)
        if (stream === 'topics') model.diagnostics.recordHeartbeat(at)
      }
    })
  }

  private onMessage(message: StreamMessage): void {
    const now = this.options.clock.now()
    this.options.model.diagnostics.recordEvent(now)
    if (message.topic === 'PROCESS_CONSOLE') this.options.onProcess(message.param, message.data)
    else if (message.topic === 'METRICS') this.options.metrics?.acceptPush(message.data)
    else if (message.topic === 'TASK_RUN_INSTANCE')
      this.options.runningTasks?.accept(message.taskIds)
    else if (message.topic === 'JVM_INFO') {
      this.options.model.apply({ type: 'jvm', sample: { at: now, jvm: message.data } })
    }
  }
}
