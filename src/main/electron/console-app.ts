/**
 * The console's main process, assembled: stores, sessions, the window, IPC, tray, notifications and host events.
 * Everything started here is undone by the returned disposer, in reverse order.
 */
import { join } from 'node:path'
import { app, BrowserWindow, screen } from 'electron'
import { createElectronCacheStore, createElectronSettingsStore } from './electron-cache-store'
import { createSafeSecretStore } from './secret-store'
import { createMainWindow } from './window'
import { loadWindowBounds, trackWindowBounds } from './window-state'
import { registerIpcHandlers } from './ipc-bridge'
import { createPlatformServices } from './platform-services'
import { createTray } from './tray'
import { installAppMenu } from './app-menu'
import { menuStrings } from '../desktop/menu-strings'
import { createUpdater } from './updater'
import { wireAlerts } from './alerts-wiring'
import { notificationActionsSupported } from '../desktop/alert-notices'
import { watchHostEvents } from './host-events'
import { withFanout } from './session-fanout'
import { createPushBatcher } from '../ipc/push-batcher'
import { createRequestHandlers } from '../ipc/request-handlers'
import { mainStrings } from '../desktop/main-strings'
import { createAlertCenter } from '../core/alerts/alert-center'
import { recordAlertsOnTimelines } from '../core/timeline/alert-records'
import { parseAlertRules } from '../core/alerts/parse-alert-rules'
import { DEFAULT_ALERT_RULES } from '../../shared/alerts'
import { createSessionManager } from '../core/session/session-manager'
import { createDemoProfile, demoServerFromEnvironment } from '../core/session/demo-profile'
import { systemClock, type Disposer, type Logger } from '../core/ports'
import { worstState } from '../../shared/connection'
import { placeWindow } from '../desktop/window-placement'
import type { LogFiles } from '../desktop/log-files'
import type { SecretRegistry } from '../core/log-redaction'

/** What the composition root made before the app started (the log files exist before anything can fail). */
export interface ConsoleAppExtras {
  logFiles: LogFiles
  knownSecrets: SecretRegistry
}

export async function startConsoleApp(
  logger: Logger,
  resourcesDir: string,
  extras: ConsoleAppExtras
): Promise<Disposer> {
  const disposers: Disposer[] = []
  const disposeAll = async () => {
    for (const dispose of disposers.reverse()) await dispose()
  }
  try {
    await assemble(logger, resourcesDir, extras, disposers)
  } catch (error) {
    // Undo what did start (the cache is flushed), then let the caller report the failure.
    await disposeAll().catch(() => undefined)
    throw error
  }
  return disposeAll
}

async function assemble(
  logger: Logger,
  resourcesDir: string,
  extras: ConsoleAppExtras,
  disposers: Disposer[]
): Promise<void> {
  const userData = app.getPath('userData')
  const settings = createElectronSettingsStore({ dir: userData, logger })
  if (settings.profiles().length === 0) {
    // First run: the built-in demo server, so there is something real to look at.
    settings.saveProfiles([createDemoProfile()])
    settings.selectProfile(createDemoProfile().id)
  }
  const cache = createElectronCacheStore({
    dir: userData,
    logger,
    logTailLines: () => settings.settings().logTailLines
  })
  disposers.push(() => cache.close())
  const secrets = await createSafeSecretStore(
    join(userData, 'secrets.json'),
    logger,
    extras.knownSecrets
  )
  disposers.push(() => secrets.flush())

  let window: BrowserWindow | undefined = undefined
  const showWindow = () => {
    if (!window || window.isDestroyed()) return
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
  }

  const batcher = createPushBatcher((channel, message) => {
    for (const win of BrowserWindow.getAllWindows()) {
      if (!win.isDestroyed()) win.webContents.send(channel, message)
    }
  }, systemClock)
  disposers.push(() => batcher.dispose())

  // Issue 22: the operator's alert rules replace the fixed alarms (failed job, checkpoint failed or overdue,
  // backpressure HIGH) with DEFAULT_ALERT_RULES; one center watches every session.
  const center = createAlertCenter({
    clock: systemClock,
    logger,
    rules: settings.settings().alerts ?? DEFAULT_ALERT_RULES
  })
  disposers.push(() => center.dispose())
  const alerts = wireAlerts({
    center,
    parse: parseAlertRules,
    settings,
    batcher,
    clock: systemClock,
    logger: logger.child('alerts'),
    actions: notificationActionsSupported(process.platform, process.env),
    showWindow,
    alertsChanged: () => refreshTray()
  })
  disposers.push(() => alerts.dispose())

  const updater = createUpdater({
    userData,
    logger: logger.child('updates'),
    onStatus: (status) => batcher.push('updates:status', status)
  })
  disposers.push(() => updater.dispose())

  const tray = createTray(resourcesDir, {
    show: (profileId) => {
      showWindow()
      if (profileId) batcher.push('app:navigate', { profileId, view: 'overview' })
    },
    showAlerts: () => {
      showWindow()
      const profileId = settings.selectedProfileId() ?? settings.profiles()[0]?.id
      if (profileId) batcher.push('app:navigate', { profileId, view: 'overview', panel: 'alerts' })
    },
    retryAll: () => sessions.all().forEach((s) => s.retryNow()),
    quit: () => app.quit()
  })
  disposers.push(() => tray.destroy())

  const fanout = withFanout(
    createSessionManager({
      cache,
      secrets,
      settings: () => settings.settings(),
      logger,
      startDemoServer: demoServerFromEnvironment(process.env)
    }),
    {
      envelope: (envelope) => batcher.pushEnvelope(envelope),
      attach: (session) => alerts.attach(session),
      statesChanged: () => refreshTray(),
      metrics: (profileId, update) => batcher.push('metrics:update', { ...update, profileId }),
      timeline: (event) => batcher.push('timeline:event', event),
      away: (profileId, summary) => batcher.push('timeline:away', { profileId, summary })
    }
  )
  const refreshTray = () =>
    tray.update(
      settings.profiles().map((p) => ({
        profileId: p.id,
        name: p.name,
        state: worstState(fanout.states(p.id))
      })),
      mainStrings(settings.settings().language, app.getLocale()),
      alerts.firing()
    )
  const sessions = fanout.manager
  // The View menu's accelerators reach every view and the palette, the Help menu the shortcut sheet (issue 23).
  const appMenu = installAppMenu({
    strings: () => menuStrings(settings.settings().language, app.getLocale()),
    run: (navigation) => {
      showWindow()
      batcher.push('app:navigate', navigation)
    }
  })
  // Each alert change also goes on its server's timeline, beside what caused it (issue 22).
  disposers.push(recordAlertsOnTimelines(center, (profileId) => sessions.get(profileId)?.timeline))
  disposers.push(() => sessions.closeAll())

  disposers.push(
    registerIpcHandlers(
      createRequestHandlers({
        sessions,
        settings,
        cache,
        secrets,
        platform: { ...createPlatformServices(() => window, extras.logFiles), updates: updater },
        onSettingsChanged: (next) => {
          batcher.push('settings:changed', next)
          refreshTray()
          appMenu.refresh()
        },
        onCacheCleared: (profileId) => batcher.push('cache:cleared', { profileId }),
        flushPushes: () => batcher.flush(),
        onHealthSummariesRead: (profileId, summaries) =>
          batcher.noteHealthShown(profileId, summaries),
        alerts: alerts.service
      }),
      logger
    )
  )

  disposers.push(
    watchHostEvents({
      suspend: () => {
        sessions.all().forEach((s) => s.notifySuspend())
        void cache.flush()
      },
      resume: () => sessions.all().forEach((s) => s.notifyResume()),
      network: (online) => sessions.all().forEach((s) => s.notifyNetwork(online))
    })
  )

  const boundsFile = join(userData, 'window-state.json')
  const displays = screen.getAllDisplays().map((display) => display.workArea)
  window = createMainWindow(
    placeWindow(loadWindowBounds(boundsFile), displays, screen.getPrimaryDisplay().workArea)
  )
  trackWindowBounds(window, boundsFile)

  // Sessions open after the window exists: their cached state is ready before the renderer asks for it.
  for (const profile of settings.profiles()) {
    await sessions
      .open(profile)
      .catch((error: unknown) =>
        logger.warn('a server session could not start', { profile: profile.id, why: String(error) })
      )
  }
}
