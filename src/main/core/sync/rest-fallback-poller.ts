/**
 * What a degraded stream would carry, by REST polling instead: followed console logs (`/api/process/getProcess`,
 * through the same log-delta cursor as the stream, so each line goes downstream once whichever path brought it) while
 * the topic stream is degraded, and JVM figures (`/api/system/getSysInfo`) while the JVM stream is. One poll at a
 * time, every 2 s, only while a stream is degraded; jobs and clusters keep their own polling in the sync engine.
 * Dinky 1.0.x has no `getSysInfo` (it came with 1.1.0): its 404 ends the JVM polling for the session, said once.
 */
import type { Jvm } from '../../../shared/models'
import { DinkyError } from '../dinky/dinky-error'
import type { DinkyClient, DinkyProcess } from '../dinky/types'
import type { Clock, Logger, TimerHandle } from '../ports'

export const FALLBACK_POLL_MS = 2_000

export interface RestFallbackPollerOptions {
  client: Pick<DinkyClient, 'process' | 'sysInfo'>
  clock: Clock
  logger: Logger
  intervalMs?: number
  /** The processes the topic stream would carry now. */
  processes(): readonly string[]
  onProcess(process: string, entity: DinkyProcess): void
  onJvm(jvm: Jvm, at: number): void
  /** The server has no `getSysInfo` (Dinky 1.0.x): JVM figures cannot come by polling; called once. */
  onJvmUnavailable?(detail: string): void
}

/** A 404 (or 405) for the endpoint itself: it is not on this Dinky, and asking again cannot change that. */
function isMissingEndpoint(error: unknown): boolean {
  return error instanceof DinkyError && (error.status === 404 || error.status === 405)
}

export class RestFallbackPoller {
  private readonly degraded = new Set<'topics' | 'jvm'>()
  private timer: TimerHandle | null = null
  private polling = false
  private stopped = false
  /** Set by `getSysInfo`'s 404: a degraded JVM stream then gives the poller nothing to do. */
  private sysInfoMissing = false

  constructor(private readonly options: RestFallbackPollerOptions) {}

  /** A stream entered or left `degraded`; polling runs while any is. */
  set(stream: 'topics' | 'jvm', degraded: boolean): void {
    if (this.stopped) return
    const was = this.isPolling()
    if (degraded) this.degraded.add(stream)
    else this.degraded.delete(stream)
    if (!was && this.isPolling()) {
      this.options.logger.info('polling for what the stream would carry', {
        streams: [...this.degraded].join(',')
      })
      void this.poll()
    } else if (was && !this.isPolling() && this.timer) {
      this.options.clock.clearTimeout(this.timer)
      this.timer = null
    }
  }

  /** True while a degraded stream has something to poll (never the JVM one of a Dinky without `getSysInfo`). */
  isPolling(): boolean {
    return this.degraded.has('topics') || (this.degraded.has('jvm') && !this.sysInfoMissing)
  }

  stop(): void {
    this.stopped = true
    this.degraded.clear()
    if (this.timer) this.options.clock.clearTimeout(this.timer)
    this.timer = null
  }

  /** One round, then the next after the interval; why never two at once: a slow server must not pile up reads. */
  private async poll(): Promise<void> {
    if (this.polling || this.timer) return
    this.polling = true
    const { client, logger } = this.options
    try {
      if (this.degraded.has('topics')) {
        for (const process of this.options.processes()) {
          if (!this.degraded.has('topics')) break
          const entity = await client.process(process)
          if (entity && this.degraded.has('topics')) this.options.onProcess(process, entity)
        }
      }
      if (this.degraded.has('jvm') && !this.sysInfoMissing) await this.pollJvm()
    } catch (error) {
      logger.debug('fallback poll failed', { error: String(error).slice(0, 200) })
    } finally {
      this.polling = false
    }
    if (!this.isPolling() || this.stopped) return
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = null
      void this.poll()
    }, this.options.intervalMs ?? FALLBACK_POLL_MS)
  }

  private async pollJvm(): Promise<void> {
    try {
      const sysInfo = await this.options.client.sysInfo()
      if (this.degraded.has('jvm')) this.options.onJvm(sysInfo.jvm, this.options.clock.now())
    } catch (error) {
      if (!isMissingEndpoint(error)) throw error
      this.sysInfoMissing = true
      const detail =
        'JVM figures cannot come by polling: /api/system/getSysInfo is not on this Dinky (it came with 1.1.0); ' +
        'they return with the JVM stream'
      this.options.logger.warn(detail, { status: (error as DinkyError).status })
      this.options.onJvmUnavailable?.(detail)
    }
  }
}
