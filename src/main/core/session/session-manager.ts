/**
 * The sessions of every open profile. Opening a changed profile restarts its session; the built-in Demo profile
 * gets an in-process simulator on 127.0.0.1 (started on first use, closed with the last demo session). `test()`
 * probes a profile (version, login, transport) without keeping anything.
 */
import type { ConnectionTest } from '../../../shared/ipc/contract'
import type { AppSettings, ServerProfile } from '../../../shared/profiles'
import type { CacheStore } from '../cache/cache-store'
import { diagnoseAddress } from '../connection/address-diagnosis'
import { createDinkyClient } from '../dinky/client'
import { DinkyError } from '../dinky/dinky-error'
import {
  systemClock,
  type Clock,
  type FetchLike,
  type Logger,
  type WebSocketFactory
} from '../ports'
import { DEMO_PASSWORD, startDemoServer, type DemoServer } from './demo-profile'
import { chooseTransport } from '../stream/choose-transport'
import { Session } from './session'
import type { SecretSource, SessionHandle, SessionManager } from './session-api'

export interface SessionManagerOptions {
  cache: CacheStore
  secrets: SecretSource
  /**
   * Read at every open, so a settings change applies to the next (re)opened session; the job-detail budget is also
   * read by running sessions, so a change to it applies at once.
   */
  settings: () => AppSettings
  logger: Logger
  clock?: Clock
  fetch?: FetchLike
  /** Opens the WebSocket of 1.2 servers; `record` passes a recording one. */
  webSocket?: WebSocketFactory
  random?: () => number
  /** Starts the demo server when a demo profile is opened; default: the simulator in-process. */
  startDemoServer?: () => Promise<DemoServer>
}

interface Entry {
  session: Session
  /** The profile as opened, to tell a changed profile from the same one opened again. */
  fingerprint: string
  demo: boolean
}

/** The app's and the CLI's session manager; `open` gives the concrete `Session` (its `loggedIn` promise). */
export function createSessionManager(options: SessionManagerOptions): DefaultSessionManager {
  return new DefaultSessionManager(options)
}

export class DefaultSessionManager implements SessionManager {
  private readonly entries = new Map<string, Entry>()
  private demo: Promise<DemoServer> | null = null
  private readonly logger: Logger

  constructor(private readonly options: SessionManagerOptions) {
    this.logger = options.logger.child('sessions')
  }

  async open(profile: ServerProfile): Promise<Session> {
    const fingerprint = JSON.stringify(profile)
    const existing = this.entries.get(profile.id)
    if (existing?.fingerprint === fingerprint) return existing.session
    if (existing) await this.close(profile.id)
    const target = profile.demo ? { ...profile, url: (await this.demoServer()).url } : profile
    const session = new Session({
      profile: target,
      settings: this.options.settings(),
      liveSettings: this.options.settings,
      cache: this.options.cache.profile(profile.id),
      secrets: this.secretsFor(profile),
      logger: this.options.logger,
      clock: this.options.clock ?? systemClock,
      fetch: this.options.fetch,
      webSocket: this.options.webSocket,
      random: this.options.random
    })
    this.entries.set(profile.id, { session, fingerprint, demo: profile.demo })
    session.start()
    return session
  }

  get(profileId: string): SessionHandle | undefined {
    return this.entries.get(profileId)?.session
  }

  all(): SessionHandle[] {
    return [...this.entries.values()].map((entry) => entry.session)
  }

  async close(profileId: string): Promise<void> {
    const entry = this.entries.get(profileId)
    if (!entry) return
    this.entries.delete(profileId)
    await entry.session.stop()
    await this.closeDemoIfUnused()
  }

  /** Why no logout after the probe: Dinky's `outLogin` logs out every token of the user, the live session's too. */
  async test(profile: ServerProfile, password: string | null): Promise<ConnectionTest> {
    const url = profile.demo ? (await this.demoServer()).url : profile.url
    const client = createDinkyClient({
      baseUrl: url,
      fetch: this.options.fetch,
      logger: this.logger,
      extraCaPem: profile.extraCaPem
    })
    // Dinky 1.0.x–1.1.x may tell its version only after the login (null): asked again below.
    const probed = await client.version().catch((error: unknown) => {
      const found = diagnoseAddress(error, url, 'rest', Date.now())
      if (found?.code !== 'not-dinky') throw error
      throw new DinkyError({
        endpoint: '/api/version',
        reason: 'not-dinky',
        detail: `${found.detail}. ${found.advice}`,
        evidence: found.evidence
      })
    })
    const secret = password ?? this.secretsFor(profile).password(profile.id)
    if (secret === null) {
      throw new DinkyError({
        endpoint: '/api/login',
        reason: 'login-failed',
        detail: 'no password given'
      })
    }
    const { user } = await client.login(
      profile.username,
      secret,
      profile.tenantId > 0 ? profile.tenantId : null
    )
    const version = probed ?? (await client.version()) ?? 'unknown'
    const transport = chooseTransport(profile.transport, version)
    return { version, transport, username: user.username }
  }

  async closeAll(): Promise<void> {
    const ids = [...this.entries.keys()]
    await Promise.all(ids.map((id) => this.close(id)))
    await this.closeDemoIfUnused()
  }

  private secretsFor(profile: ServerProfile): SecretSource {
    if (!profile.demo) return this.options.secrets
    return { password: (id) => this.options.secrets.password(id) ?? DEMO_PASSWORD }
  }

  private demoServer(): Promise<DemoServer> {
    if (!this.demo) {
      const start = this.options.startDemoServer ?? (() => startDemoServer())
      this.demo = start()
      this.demo.catch(() => (this.demo = null))
    }
    return this.demo
  }

  private async closeDemoIfUnused(): Promise<void> {
    if (!this.demo) return
    const inUse = [...this.entries.values()].some((entry) => entry.demo)
    if (inUse) return
    const demo = this.demo
    this.demo = null
    await (await demo).close()
    this.logger.info('demo server stopped')
  }
}
