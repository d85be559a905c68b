/**
 * The desktop request channels of issue 14, through the real dispatcher: the diagnostics export carries the last
 * lines of the real (redacted) log files, "Open logs folder" reaches the platform, and the update channels answer
 * "unavailable" where there is no updater.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createConfSettingsStore } from '../../../src/main/core/cache/conf-cache-store'
import { createLineLogger, silentLogger } from '../../../src/main/core/logger'
import { dispatchRequest } from '../../../src/main/ipc/dispatch'
import {
  createRequestHandlers,
  type PlatformServices
} from '../../../src/main/ipc/request-handlers'
import { createLogFiles, type LogFiles } from '../../../src/main/desktop/log-files'
import type { CacheStore } from '../../../src/main/core/cache/cache-store'
import type { SessionHandle, SessionManager } from '../../../src/main/core/session/session-api'
import { createServerProfile } from '../../../src/shared/profiles'

describe('desktop requests', () => {
  let dir: string
  let logFiles: LogFiles
  const saved: string[] = []
  const opened: string[] = []

  const handlers = (platformExtras: Partial<PlatformServices>) => {
    const settings = createConfSettingsStore({ dir, logger: silentLogger })
    settings.saveProfiles([
      createServerProfile({ id: 'p1', name: 'Prod', url: 'http://dinky:8888' })
    ])
    const session = { diagnostics: () => ({ history: [] }) } as unknown as SessionHandle
    const sessions = { get: () => session, all: () => [session] } as unknown as SessionManager
    return createRequestHandlers({
      sessions,
      settings,
      cache: {} as CacheStore,
      secrets: { password: () => null, setPassword: () => undefined, has: () => false },
      platform: {
        appInfo: () => ({
          version: '0.1.0',
          platform: 'linux',
          locale: 'en-US',
          darkMode: false,
          secretsBackend: 'os'
        }),
        clearBrowsingData: async () => 0,
        saveFile: async (_name, text) => {
          saved.push(text)
          return '/tmp/report.json'
        },
        openExternal: async () => undefined,
        ...platformExtras
      },
      onSettingsChanged: () => undefined,
      onCacheCleared: () => undefined
    })
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dinky-desktop-requests-'))
    logFiles = createLogFiles(join(dir, 'logs'))
    saved.length = 0
    opened.length = 0
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('exports diagnostics with the last lines of the app’s log, redacted', async () => {
    const logger = createLineLogger((line, level) => logFiles.write(line, level), {
      knownSecrets: () => ['dinky123!@#']
    })
    for (let i = 0; i < 250; i++) logger.info(`poll ${i}`)
    logger.warn('login failed', { why: 'server echoed dinky123!@# and satoken=abc123' })
    const h = handlers({ logTail: async (n) => logFiles.tail(n) })

    const result = await dispatchRequest(h, 'diagnostics:export', { profileId: 'p1' }, silentLogger)

    expect(result).toEqual({ ok: true, value: { path: '/tmp/report.json' } })
    const report = JSON.parse(saved[0]!) as { logTail: string[] }
    expect(report.logTail).toHaveLength(200)
    expect(report.logTail[0]).toMatch(/INFO poll 51$/)
    expect(report.logTail.at(-1)).toMatch(
      /WARN login failed why="server echoed \[redacted\] and satoken=\[redacted\]"$/
    )
    expect(saved[0]).not.toMatch(/dinky123|abc123/)
  })

  it('opens the logs folder through the platform', async () => {
    const h = handlers({
      openLogsFolder: async () => {
        opened.push(logFiles.dir)
        return logFiles.dir
      }
    })
    const result = await dispatchRequest(h, 'app:open-logs-folder', undefined, silentLogger)
    expect(result).toEqual({ ok: true, value: { path: logFiles.dir } })
    expect(opened).toEqual([logFiles.dir])
  })

  it('says updates are unavailable where there is no updater', async () => {
    const h = handlers({})
    const status = await dispatchRequest(h, 'updates:check', undefined, silentLogger)
    expect(status).toMatchObject({ ok: true, value: { state: { kind: 'unavailable' } } })
    const refused = await dispatchRequest(
      h,
      'updates:set-auto-check',
      { enabled: 'yes' },
      silentLogger
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })
})
