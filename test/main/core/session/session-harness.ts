/** Test harness: a real Session against the simulator on loopback, recording every envelope it emits. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import type { CacheStore } from '../../../../src/main/core/cache/cache-store'
import { createConfCacheStore } from '../../../../src/main/core/cache/conf-cache-store'
import { silentLogger } from '../../../../src/main/core/logger'
import type { FetchLike } from '../../../../src/main/core/ports'
import { Session } from '../../../../src/main/core/session/session'
import {
  createServerProfile,
  DEFAULT_APP_SETTINGS,
  type ConnectionSettings,
  type ServerProfile
} from '../../../../src/shared/profiles'
import type { SessionEnvelope, SessionUpdate } from '../../../../src/shared/session'
import type { Simulator } from '../../../../src/simulator/index'
import { STUCK_MS, waitUntil } from '../../../support/wait-until'

export const FAST_CONNECTION: ConnectionSettings = {
  ...DEFAULT_APP_SETTINGS.connection,
  heartbeatTimeoutMs: 2_000,
  backoffBaseMs: 50,
  backoffMaxMs: 200,
  jobsPollMs: 60_000,
  clustersPollMs: 60_000
}

export function profileFor(url: string, processes: string[] = []): ServerProfile {
  return createServerProfile({ id: 'test', name: 'test', url, processes })
}

/** Polls until `check` returns something truthy; the deadline only fails a stuck test (see `waitUntil`). */
export function waitFor<T>(
  what: string,
  check: () => T | undefined | null | false | 0,
  timeoutMs = STUCK_MS
): Promise<T> {
  return waitUntil(what, check, { timeoutMs })
}

export interface TempCacheStore {
  store: CacheStore
  dir: string
  /** Closes the store (its last writes land) and removes its folder. */
  dispose(): Promise<void>
}

/** What a session test starts; whatever it set is stopped after each test (sessions, then the server, then the cache). */
export interface SessionTestResources {
  sim: Simulator | null
  cache: TempCacheStore | null
  sessions: RecordedSession[]
}

/** Registers the teardown every session test file needs and returns the holder to fill as things start. */
export function sessionTestResources(): SessionTestResources {
  const started: SessionTestResources = { sim: null, cache: null, sessions: [] }
  afterEach(async () => {
    for (const recorded of started.sessions.splice(0)) await recorded.session.stop()
    await started.sim?.close()
    await started.cache?.dispose()
    started.sim = started.cache = null
  })
  return started
}

export async function tempCacheStore(): Promise<TempCacheStore> {
  const dir = await mkdtemp(join(tmpdir(), 'dinky-session-'))
  const store = createConfCacheStore({ dir, logger: silentLogger, writeIntervalMs: 10 })
  const dispose = async () => {
    await store.close()
    await rm(dir, { recursive: true, force: true })
  }
  return { store, dir, dispose }
}

export interface RecordedSession {
  session: Session
  envelopes: SessionEnvelope[]
  updates<T extends SessionUpdate['type']>(type: T): Array<Extract<SessionUpdate, { type: T }>>
}

export function startRecordedSession(options: {
  profile: ServerProfile
  store: CacheStore
  connection?: Partial<ConnectionSettings>
  password?: string | null
  /** Every HTTP request of the session goes through it (to hold or count requests). */
  fetch?: FetchLike
}): RecordedSession {
  const session = new Session({
    profile: options.profile,
    settings: {
      ...DEFAULT_APP_SETTINGS,
      connection: { ...FAST_CONNECTION, ...options.connection }
    },
    cache: options.store.profile(options.profile.id),
    secrets: {
      password: () => (options.password === undefined ? 'dinky123!@#' : options.password)
    },
    logger: silentLogger,
    fetch: options.fetch,
    requestTimeoutMs: 2_000
  })
  const envelopes: SessionEnvelope[] = []
  session.subscribe((envelope) => envelopes.push(envelope))
  session.start()
  return {
    session,
    envelopes,
    updates: (type) =>
      envelopes
        .map((envelope) => envelope.update)
        .filter(
          (update): update is Extract<SessionUpdate, { type: typeof type }> => update.type === type
        )
  }
}
