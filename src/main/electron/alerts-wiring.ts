/**
 * The alert center in the app (issue 22): attached to every session the fan-out opens, its rules kept in the
 * settings file, its open alerts pushed to the renderer (latest list wins), counted in the tray, and its announced
 * events shown as desktop notifications with Snooze/Acknowledge buttons where the OS has them.
 */
import { app } from 'electron'
import type { AlertRulesDocument } from '../../shared/alerts'
import type { AlertCenter } from '../core/alerts/alert-center-api'
import type { SettingsStore } from '../core/cache/cache-store'
import type { SessionHandle } from '../core/session/session-api'
import type { Clock, Logger } from '../core/ports'
import type { PushBatcher } from '../ipc/push-batcher'
import type { AlertsService } from '../ipc/alerts-requests'
import { announceAlerts } from '../desktop/alert-announcer'
import { alertNoticeStrings } from '../desktop/alert-notice-strings'
import { mainStrings } from '../desktop/main-strings'
import { showAlertNotification } from './desktop-notifier'
import { createAlertsDiffer } from '../../shared/alerts-changes'

export interface AlertsWiringDeps {
  center: AlertCenter
  parse(raw: unknown): AlertRulesDocument
  settings: SettingsStore
  batcher: PushBatcher
  clock: Clock
  logger: Logger
  /** The OS shows notification buttons (see `notificationActionsSupported` in alert-notices). */
  actions: boolean
  showWindow(): void
  /** The firing count changed: redraw the tray. */
  alertsChanged(): void
}

export function wireAlerts(deps: AlertsWiringDeps) {
  const { center, settings, batcher } = deps
  const profileOf = (profileId: string) => settings.profiles().find((p) => p.id === profileId)
  // The center speaks after every evaluation (each poll); the renderer hears what changed, the tray redraws then.
  const differ = createAlertsDiffer()
  const offerActive = () => {
    const change = differ(center.active())
    if (!change) return
    batcher.push('alerts:active', change)
    deps.alertsChanged()
  }
  /** The whole list again (a reset), after the renderer may have missed it. */
  const pushActive = () => {
    batcher.push('alerts:active', { reset: true, upserts: center.active(), removed: [] })
    deps.alertsChanged()
  }
  const stopPushing = center.subscribe(offerActive)
  const stopAnnouncing = announceAlerts({
    center,
    clock: deps.clock,
    actions: deps.actions,
    enabled: () => settings.settings().notifications,
    strings: () => alertNoticeStrings(settings.settings().language, app.getLocale()),
    serverName: (profileId) => profileOf(profileId)?.name ?? null,
    statusName: (status) =>
      mainStrings(settings.settings().language, app.getLocale()).jobStatus[status],
    show: showAlertNotification,
    open: ({ profileId, jobId }) => {
      deps.showWindow()
      batcher.push(
        'app:navigate',
        jobId === null
          ? { profileId, view: 'overview', panel: 'alerts' }
          : { profileId, view: 'jobs', jobId, tab: 'timeline' }
      )
    },
    onActionFailed: (error) =>
      deps.logger.info('a notification button found its alert ended', { why: String(error) })
  })

  const service: AlertsService = {
    center,
    parse: deps.parse,
    save: (rules) => settings.saveSettings({ ...settings.settings(), alerts: rules })
  }

  return {
    service,
    /** Attaches a session as it opens (the fan-out's `attach`). */
    attach(session: SessionHandle): () => void {
      const profile = profileOf(session.profileId)
      let origin = ''
      try {
        origin = profile ? new URL(profile.url).origin : ''
      } catch {
        origin = ''
      }
      return center.attach(session, { name: profile?.name ?? session.profileId, origin })
    },
    firing: () => center.active().filter((alert) => alert.state === 'firing').length,
    /** Pushes the current list (after the renderer may have missed it). */
    pushActive,
    dispose() {
      stopAnnouncing()
      stopPushing()
    }
  }
}
