/**
 * The first contact of a session: version probe, login, transport choice, retried with backoff while the server
 * cannot be reached (every stream shows `reconnecting` with the reason), final when the server refuses the
 * credentials (every stream shows `auth-expired`). The streams and the REST sync start only after it succeeded.
 */
import type { ConnectionReason } from '../../../shared/connection'
import type { ConnectionSettings, ServerProfile } from '../../../shared/profiles'
import type { SessionUser } from '../../../shared/session'
import { NOT_DINKY_RETRY_MS, diagnoseAddress } from '../connection/address-diagnosis'
import { createBackoffPolicy, type BackoffPolicy } from '../connection/backoff'
import { classifyNetworkError } from '../dinky/classify'
import { DinkyError } from '../dinky/dinky-error'
import type { DinkyClient } from '../dinky/types'
import type { Clock, Logger, TimerHandle } from '../ports'
import { chooseTransport } from '../stream/choose-transport'
import type { SessionModel } from './session-model'

const STREAMS = ['topics', 'jvm', 'rest'] as const

export interface SessionBootOptions {
  profile: ServerProfile
  client: DinkyClient
  model: SessionModel
  clock: Clock
  logger: Logger
  settings: ConnectionSettings
  random?: () => number
  password(): string | null
  tenantId: number | null
  onLoggedIn(user: SessionUser): void
  onRefused(error: Error): void
}

export class SessionBoot {
  private readonly backoff: BackoffPolicy
  private attempt = 0
  private timer: TimerHandle | null = null
  private generation = 0

  constructor(private readonly options: SessionBootOptions) {
    const c = options.settings
    this.backoff = createBackoffPolicy(
      { baseMs: c.backoffBaseMs, factor: c.backoffFactor, maxMs: c.backoffMaxMs },
      options.random
    )
  }

  /** Tries now, skipping any backoff wait. */
  now(): void {
    this.cancel()
    this.attempt = 0
    void this.run()
  }

  /** Drops any scheduled retry and any answer still in flight. */
  cancel(): void {
    this.generation++
    if (this.timer) this.options.clock.clearTimeout(this.timer)
    this.timer = null
  }

  private async run(): Promise<void> {
    const generation = this.generation
    const { client, model, profile, logger } = this.options
    try {
      // Dinky 1.0.x–1.1.x may tell its version only after the login (null): asked again once logged in.
      const probed = await client.version()
      if (generation !== this.generation) return
      const password = this.options.password()
      if (password === null) {
        const detail = 'no password is stored'
        throw new DinkyError({ endpoint: '/api/login', reason: 'login-failed', detail })
      }
      const { user } = await client.login(profile.username, password, this.options.tenantId)
      if (generation !== this.generation) return
      const version = probed ?? (await client.version())
      if (generation !== this.generation) return
      model.learnServer(version, chooseTransport(profile.transport, version))
      logger.info('logged in', { server: profile.url, version, transport: model.transport })
      this.options.onLoggedIn(user)
    } catch (error) {
      if (generation !== this.generation) return
      const reason = error instanceof DinkyError ? error.reason : classifyNetworkError(error)
      // A login answer that is not Dinky's is as final as a refused password: retrying cannot fix an address.
      // A version probe never refuses a login (its 401s are Dinky's wall before the login, issue 21).
      const probe = error instanceof DinkyError && /\/version$/.test(error.endpoint)
      const final =
        reason === 'login-failed' || reason === 'token-expired' || reason === 'malformed-login'
      if (final && !probe) return this.refused(reason, error)
      const found = diagnoseAddress(error, profile.url, 'rest', this.options.clock.now())
      // A proxy's error page once per streak; an address that is not Dinky at each (minutely) try.
      if (found && (this.attempt === 0 || found.code === 'not-dinky'))
        model.apply({ type: 'diagnosis', diagnosis: found })
      if (found?.code === 'not-dinky') this.retryLater('not-dinky', NOT_DINKY_RETRY_MS)
      else this.retryLater(reason)
    }
  }

  private refused(reason: ConnectionReason, error: unknown): void {
    const { model, clock, logger } = this.options
    const detail = error instanceof DinkyError ? error.detail : String(error)
    const hint =
      reason === 'malformed-login'
        ? 'login answer is not Dinky; check the server URL'
        : 'login refused; check the username and password'
    logger.error(hint, { reason, detail })
    model.apply({ type: 'error', reason, message: `Login failed: ${detail}` })
    for (const stream of STREAMS) {
      model.apply({
        type: 'state',
        stream,
        state: { kind: 'auth-expired', reason, since: clock.now() }
      })
    }
    this.options.onRefused(error instanceof Error ? error : new Error(String(error)))
  }

  private retryLater(reason: ConnectionReason, fixedDelayMs?: number): void {
    const { model, clock, logger } = this.options
    this.attempt++
    const delay = fixedDelayMs ?? this.backoff.delay(this.attempt)
    const fields = { reason, attempt: this.attempt, retryInMs: delay }
    if (this.attempt === 1) logger.warn('server unreachable; retrying', fields)
    else logger.info('server still unreachable', fields)
    const since = clock.now()
    for (const stream of STREAMS) {
      const state = {
        kind: 'reconnecting' as const,
        attempt: this.attempt,
        retryAt: since + delay,
        reason,
        since
      }
      model.apply({ type: 'state', stream, state })
    }
    this.timer = clock.setTimeout(() => {
      this.timer = null
      void this.run()
    }, delay)
  }
}
