/**
 * What each request channel does, in terms of the core's ports. Electron-free: the platform services (dialogs,
 * the browser session, the shell) come in as functions, so the handlers are tested in Node.
 */
import type { CacheStore, SettingsStore } from '../core/cache/cache-store'
import type { SessionHandle, SessionManager } from '../core/session/session-api'
import type {
  AppInfo,
  ProfilesState,
  RequestChannel,
  RequestChannels
} from '../../shared/ipc/contract'
import type { AppSettings, ServerProfile } from '../../shared/profiles'
import type { JobHealthSummary } from '../../shared/job-health'
import { createUpdateHandlers, type UpdateService } from './update-handlers'
import { createJobHealthHandlers } from './job-health-requests'
import { createTimelineHandlers } from './timeline-requests'
import { createAlertsHandlers, type AlertsService } from './alerts-requests'

/** Passwords, kept out of every cache and settings file (safeStorage in the app). */
export interface SecretStore {
  password(profileId: string): string | null
  setPassword(profileId: string, password: string | null): void
  has(profileId: string): boolean
}

export interface PlatformServices {
  appInfo(): AppInfo
  /** Clears the browser session's HTTP cache and storage; returns the bytes freed (as far as known). */
  clearBrowsingData(): Promise<number>
  /** Asks where to save and writes the file; null when the user cancelled. */
  saveFile(suggestedName: string, text: string): Promise<string | null>
  openExternal(url: string): Promise<void>
  /** Opens the folder of the main process's log files in the OS file manager; resolves with its path. */
  openLogsFolder?(): Promise<string>
  /** The last lines of the main process's log (already redacted when written). */
  logTail?(lines: number): Promise<string[]>
  /** Auto-update (the app only; absent in the CLI and tests). */
  updates?: UpdateService
}

export interface RequestHandlerDeps {
  sessions: SessionManager
  settings: SettingsStore
  cache: CacheStore
  secrets: SecretStore
  platform: PlatformServices
  /** Called after settings changed, so main can apply and broadcast them. */
  onSettingsChanged(settings: AppSettings): void
  onCacheCleared(profileId: string | null): void
  /**
   * Sends the pushes main is still batching. Called before a snapshot is taken: a batch merges a run's log lines
   * under its newest `sessionSeq`, so one that straddled the snapshot would make the renderer apply again the lines
   * the snapshot already has (a repeated line in the console).
   */
  flushPushes?(): void
  /** The alert center and where its rules are kept (the app; absent in the CLI and most tests). */
  alerts?: AlertsService
  /** The renderer is about to get these health summaries (the push batcher's `noteHealthShown`). */
  onHealthSummariesRead?(profileId: string, summaries: readonly JobHealthSummary[]): void
}

export type RequestHandlers = {
  [C in RequestChannel]: (req: RequestChannels[C]['req']) => Promise<RequestChannels[C]['res']>
}

/** An error a handler raises on purpose; its code reaches the renderer. */
export class RequestError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
  }
}

/** How many of the main log's last lines a diagnostics export carries. */
const DIAGNOSTICS_LOG_LINES = 200

export function createRequestHandlers(deps: RequestHandlerDeps): RequestHandlers {
  const { sessions, settings, cache, secrets, platform } = deps

  const profilesState = (): ProfilesState => {
    const profiles = settings.profiles()
    const selected = settings.selectedProfileId()
    return {
      profiles,
      selectedId: profiles.some((p) => p.id === selected) ? selected! : (profiles[0]?.id ?? ''),
      withPassword: profiles.filter((p) => secrets.has(p.id)).map((p) => p.id)
    }
  }

  const session = (profileId: string): SessionHandle => {
    const found = sessions.get(profileId)
    if (!found) throw new RequestError('not-found', `No open session for server ${profileId}`)
    return found
  }

  const metrics = (profileId: string) => {
    const found = session(profileId).metrics
    if (!found) throw new RequestError('unsupported', 'This session has no live metrics')
    return found
  }

  const profile = (profileId: string): ServerProfile => {
    const found = settings.profiles().find((p) => p.id === profileId)
    if (!found) throw new RequestError('not-found', `No server profile ${profileId}`)
    return found
  }

  return {
    'app:info': async () => platform.appInfo(),
    'profiles:list': async () => profilesState(),
    'profiles:save': async ({ profile: next, password }) => {
      const profiles = settings.profiles()
      const index = profiles.findIndex((p) => p.id === next.id)
      if (index >= 0) profiles[index] = next
      else profiles.push(next)
      settings.saveProfiles(profiles)
      if (password !== null) secrets.setPassword(next.id, password)
      await sessions.open(next)
      return profilesState()
    },
    'profiles:remove': async ({ profileId }) => {
      const profiles = settings.profiles()
      if (!profiles.some((p) => p.id === profileId)) throw new RequestError('not-found', profileId)
      if (profiles.length === 1) {
        throw new RequestError('invalid-argument', 'The last server profile cannot be removed')
      }
      settings.saveProfiles(profiles.filter((p) => p.id !== profileId))
      await sessions.close(profileId)
      secrets.setPassword(profileId, null)
      await cache.clear(profileId)
      if (settings.selectedProfileId() === profileId)
        settings.selectProfile(profilesState().selectedId)
      return profilesState()
    },
    'profiles:select': async ({ profileId }) => {
      const chosen = profile(profileId)
      settings.selectProfile(profileId)
      if (!sessions.get(profileId)) await sessions.open(chosen)
      return profilesState()
    },
    'profiles:test': async ({ profile: candidate, password }) =>
      sessions.test(candidate, password ?? secrets.password(candidate.id)),
    'session:snapshot': async ({ profileId }) => {
      deps.flushPushes?.()
      return session(profileId).snapshot()
    },
    'session:retry-now': async ({ profileId }) => session(profileId).retryNow(),
    'session:login': async ({ profileId, password }) => {
      const user = await session(profileId).login(password)
      // Stored only once accepted: a mistyped password must not replace the saved one.
      if (password !== null) secrets.setPassword(profileId, password)
      return user
    },
    'session:logout': async ({ profileId }) => session(profileId).logout(),
    'session:switch-tenant': async ({ profileId, tenantId }) => {
      const user = await session(profileId).switchTenant(tenantId)
      settings.saveProfiles(
        settings.profiles().map((p) => (p.id === profileId ? { ...p, tenantId } : p))
      )
      return user
    },
    'jobs:detail': async ({ profileId, jobId }) => session(profileId).jobDetail(jobId),
    'jobs:action': async ({ profileId, action }) => ({
      message: await session(profileId).jobAction(action)
    }),
    'logs:follow': async ({ profileId, process }) => session(profileId).follow(process),
    'logs:unfollow': async ({ profileId, process }) => session(profileId).unfollow(process),
    'logs:save': async ({ suggestedName, text }) => ({
      path: await platform.saveFile(suggestedName, text)
    }),
    'metrics:open': async ({ profileId, jid, holder }) => metrics(profileId).open(jid, holder),
    'metrics:close': async ({ profileId, jid, holder }) => metrics(profileId).close(jid, holder),
    'metrics:view': async ({ profileId, jid }) => metrics(profileId).view(jid),
    'metrics:items': async ({ profileId, jid, address, vertex }) =>
      metrics(profileId).items(address, jid, vertex),
    'metrics:save-layout': async ({ profileId, jid, layout }) =>
      metrics(profileId).saveLayout(jid, layout),
    'cache:info': async () => cache.info(),
    'cache:clear': async ({ profileId }) => {
      const { bytesFreed } = await cache.clear(profileId)
      for (const open of sessions.all()) {
        if (profileId === null || open.profileId === profileId) open.forgetCached()
      }
      const browserBytes = await platform.clearBrowsingData()
      deps.onCacheCleared(profileId)
      return { bytesFreed: bytesFreed + browserBytes }
    },
    'settings:get': async () => settings.settings(),
    'settings:set': async (patch) => {
      const current = settings.settings()
      const next: AppSettings = {
        ...current,
        ...patch,
        connection: { ...current.connection, ...patch.connection }
      }
      settings.saveSettings(next)
      deps.onSettingsChanged(next)
      if (JSON.stringify(next.connection) !== JSON.stringify(current.connection)) {
        // Timings are read when a session opens: reopen the open ones so the change applies now.
        for (const open of sessions.all()) {
          const reopened = settings.profiles().find((p) => p.id === open.profileId)
          await sessions.close(open.profileId)
          if (reopened) await sessions.open(reopened)
        }
      }
      return next
    },
    'diagnostics:get': async ({ profileId }) => session(profileId).diagnostics(),
    'diagnostics:export': async ({ profileId }) => {
      const report = {
        exportedAt: new Date().toISOString(),
        app: platform.appInfo(),
        server: redactProfile(profile(profileId)),
        diagnostics: session(profileId).diagnostics(),
        // The app's own log, redacted when it was written; enough to see what led up to the problem.
        logTail: (await platform.logTail?.(DIAGNOSTICS_LOG_LINES)) ?? []
      }
      const name = `dinky-console-diagnostics-${profileId}.json`
      return { path: await platform.saveFile(name, JSON.stringify(report, null, 2)) }
    },
    'shell:open-external': async ({ url }) => platform.openExternal(url),
    'app:open-logs-folder': async () => {
      if (!platform.openLogsFolder) throw new RequestError('unsupported', 'No log folder here')
      return { path: await platform.openLogsFolder() }
    },
    ...createUpdateHandlers(platform.updates),
    ...createJobHealthHandlers(session, deps.onHealthSummariesRead),
    ...createTimelineHandlers({
      timeline: (profileId) => session(profileId).timeline,
      timelines: () => sessions.all().map((open) => open.timeline),
      saveFile: (name, text) => platform.saveFile(name, text)
    }),
    ...createAlertsHandlers(deps.alerts, (code, message) => new RequestError(code, message))
  }
}

/** A profile as it may leave the machine: no CA material, the URL without credentials. */
function redactProfile(profile: ServerProfile): Record<string, unknown> {
  const url = new URL(profile.url)
  url.username = ''
  url.password = ''
  return {
    name: profile.name,
    url: url.toString(),
    username: profile.username,
    tenantId: profile.tenantId,
    transport: profile.transport,
    extraCa: profile.extraCaPem ? 'set' : 'none',
    demo: profile.demo
  }
}
