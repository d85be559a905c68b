/**
 * Auto-update through electron-updater (GitHub Releases, configured by electron-builder's `publish`). Thin: the
 * decisions are in ../desktop/update-policy.ts. electron-updater is imported only when updates may run, so a
 * development run, the e2e stand-in and the real-Electron e2e never load it. The opt-out and the time of the last
 * check live in `<userData>/updates.json`.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { app } from 'electron'
import type { AppUpdater } from 'electron-updater'
import {
  canCheckNow,
  nextCheckDelay,
  nextUpdateState,
  shouldAskToRestart,
  updatesUnavailable,
  type UpdaterEvent
} from '../desktop/update-policy'
import type { Logger } from '../core/ports'
import type { UpdateStatus } from '../../shared/updates'

export interface Updater {
  status(): UpdateStatus
  check(): Promise<UpdateStatus>
  setAutoCheck(enabled: boolean): UpdateStatus
  /** The person chose to restart now: quit and install the downloaded update. */
  restart(): void
  dispose(): void
}

interface Preferences {
  autoCheck: boolean
  lastCheckedAt: number | null
}

function readPreferences(file: string): Preferences {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<Preferences>
    return {
      autoCheck: saved.autoCheck !== false,
      lastCheckedAt: typeof saved.lastCheckedAt === 'number' ? saved.lastCheckedAt : null
    }
  } catch {
    return { autoCheck: true, lastCheckedAt: null }
  }
}

export function createUpdater(options: {
  userData: string
  logger: Logger
  /** Every change of status (pushed to the renderer, which asks about restarting when it becomes `ready`). */
  onStatus(status: UpdateStatus): void
}): Updater {
  const { logger } = options
  const file = join(options.userData, 'updates.json')
  const startedAt = Date.now()
  const prefs = readPreferences(file)
  const unavailable = updatesUnavailable({
    isPackaged: app.isPackaged,
    env: process.env,
    platform: process.platform,
    linuxPackageType:
      process.platform === 'linux' &&
      Boolean(process.resourcesPath) &&
      existsSync(join(process.resourcesPath, 'package-type'))
  })
  let status: UpdateStatus = {
    currentVersion: app.getVersion(),
    ...prefs,
    state: unavailable ? { kind: 'unavailable', reason: unavailable } : { kind: 'idle' }
  }
  let updater: Promise<AppUpdater> | null = null
  let timer: ReturnType<typeof setTimeout> | undefined

  const save = () => {
    const temp = `${file}.tmp`
    writeFileSync(
      temp,
      JSON.stringify({ autoCheck: status.autoCheck, lastCheckedAt: status.lastCheckedAt })
    )
    renameSync(temp, file)
  }
  const publish = (next: UpdateStatus) => {
    if (shouldAskToRestart(status.state, next.state))
      logger.info('an update is ready', { version: (next.state as { version: string }).version })
    status = next
    options.onStatus(status)
    schedule()
  }
  const feed = (event: UpdaterEvent) =>
    publish({ ...status, state: nextUpdateState(status.state, event, Date.now()) })

  const load = () =>
    (updater ??= import('electron-updater').then(({ default: module }) => {
      const instance = module.autoUpdater
      instance.logger = {
        info: (message: unknown) => logger.info(`updater: ${String(message)}`),
        warn: (message: unknown) => logger.warn(`updater: ${String(message)}`),
        error: (message: unknown) => logger.warn(`updater: ${String(message)}`),
        debug: (message: string) => logger.debug(`updater: ${message}`)
      }
      instance.autoDownload = true
      instance.autoInstallOnAppQuit = true
      instance.on('checking-for-update', () => feed({ type: 'checking' }))
      instance.on('update-available', (info) => feed({ type: 'available', version: info.version }))
      instance.on('update-not-available', () => feed({ type: 'not-available' }))
      instance.on('download-progress', (p) => feed({ type: 'progress', percent: p.percent }))
      instance.on('update-downloaded', (info) =>
        feed({ type: 'downloaded', version: info.version })
      )
      instance.on('error', (error) =>
        feed({ type: 'error', message: String(error?.message ?? error) })
      )
      return instance
    }))

  const check = async (): Promise<UpdateStatus> => {
    if (!canCheckNow(status.state)) return status
    status = { ...status, lastCheckedAt: Date.now() }
    save()
    try {
      await (await load()).checkForUpdates()
    } catch (error) {
      feed({ type: 'error', message: error instanceof Error ? error.message : String(error) })
    }
    return status
  }

  function schedule(): void {
    clearTimeout(timer)
    const delay = nextCheckDelay(status, Date.now(), Date.now() - startedAt)
    if (delay === null) return
    timer = setTimeout(() => void check(), delay)
    timer.unref?.()
  }
  schedule()
  if (unavailable) logger.info('auto-update is off for this run', { reason: unavailable })

  return {
    status: () => status,
    check,
    setAutoCheck(enabled) {
      status = { ...status, autoCheck: enabled }
      save()
      publish(status)
      return status
    },
    restart() {
      if (status.state.kind !== 'ready' || !updater) return
      void updater.then((instance) => instance.quitAndInstall())
    },
    dispose: () => clearTimeout(timer)
  }
}
