/**
 * The `rest` stream's `ConnectionState`: live while polls succeed, `reconnecting` with the classified reason and the
 * same full-jitter backoff as the push streams when they fail. Logs a failure streak as one WARN then INFO lines.
 */
import type { ConnectionReason, ConnectionState } from '../../../shared/connection'
import type { ConnectionSettings } from '../../../shared/profiles'
import { createBackoffPolicy, type BackoffPolicy } from '../connection/backoff'
import type { Clock, Logger } from '../ports'

export class RestStreamState {
  private state: ConnectionState
  private attempt = 0
  private readonly backoff: BackoffPolicy

  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
    settings: ConnectionSettings,
    random: (() => number) | undefined,
    private readonly onState: (state: ConnectionState) => void
  ) {
    this.backoff = createBackoffPolicy(
      {
        baseMs: settings.backoffBaseMs,
        factor: settings.backoffFactor,
        maxMs: settings.backoffMaxMs,
        resetAfterMs: settings.backoffResetAfterMs
      },
      random
    )
    this.state = { kind: 'stopped', reason: 'started', since: clock.now() }
  }

  current(): ConnectionState {
    return this.state
  }

  /** Enters a non-failure state (connecting, offline, auth-expired, stopped); `resetAttempts` starts a new streak. */
  set(state: ConnectionState, resetAttempts = false): void {
    if (resetAttempts) this.attempt = 0
    this.state = state
    this.onState(state)
  }

  succeeded(): void {
    if (this.state.kind === 'live') return
    if (this.attempt > 0) this.logger.info('REST polling recovered', { after: this.attempt })
    this.set({ kind: 'live', since: this.clock.now() }, true)
  }

  /** Records a failed round; returns how long to wait before the next attempt. */
  failed(reason: ConnectionReason, detail: string): number {
    this.attempt += 1
    const delay = this.backoff.delay(this.attempt)
    const fields = { reason, attempt: this.attempt, retryInMs: delay, detail }
    if (this.attempt === 1) this.logger.warn('REST polling failed; retrying', fields)
    else this.logger.info('REST polling still failing', fields)
    const since = this.clock.now()
    this.set({ kind: 'reconnecting', attempt: this.attempt, retryAt: since + delay, reason, since })
    return delay
  }
}
