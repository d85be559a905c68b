/**
 * Native notifications for alerts: a click and a button come back to the caller. Each shown notification stays
 * referenced until it is clicked, acted on, closed or fails: Electron drops the native toast's events once the JS
 * object is garbage-collected, so a notification held only by a local variable would never report its click.
 */
import { Notification } from 'electron'
import type { AlertNotice, AlertNoticeActionId } from '../desktop/alert-notices'

const shown = new Set<Notification>()
/** Some desktops never report a toast's close; past this many the oldest is let go, so the set stays bounded. */
const MAX_HELD = 50

export function showAlertNotification(
  notice: AlertNotice,
  on: { click(): void; action(id: AlertNoticeActionId): void }
): void {
  if (!Notification.isSupported()) return
  const notification = new Notification({
    title: notice.title,
    body: notice.body,
    urgency: notice.urgency,
    ...(notice.actions.length > 0
      ? { actions: notice.actions.map(({ text }) => ({ type: 'button' as const, text })) }
      : {})
  })
  const release = () => shown.delete(notification)
  notification.on('click', () => {
    release()
    on.click()
  })
  notification.on('action', (details, legacyIndex) => {
    // Electron 45 puts the index on the event's details; older ones passed it as the second argument.
    const index = (details as { actionIndex?: number } | undefined)?.actionIndex ?? legacyIndex
    const action = notice.actions[index]
    if (!action) return
    release()
    on.action(action.id)
  })
  notification.on('close', release)
  notification.on('failed', release)
  shown.add(notification)
  if (shown.size > MAX_HELD) shown.delete(shown.values().next().value as Notification)
  notification.show()
}

/** How many notifications are held (for tests and diagnostics). */
export function heldNotificationCount(): number {
  return shown.size
}
