/**
 * Native notifications for job alarms; clicking one brings the window forward on that job. Each shown notification
 * stays referenced until it is clicked, closed or fails: Electron drops the native toast's events once the JS object
 * is garbage-collected, so a notification held only by a local variable would never report its click.
 */
import { Notification } from 'electron'
import type { JobAlert } from '../desktop/job-alerts'

const shown = new Set<Notification>()
/** Some desktops never report a toast's close; past this many the oldest is let go, so the set stays bounded. */
const MAX_HELD = 50

export function showJobNotification(alert: JobAlert, openJob: (alert: JobAlert) => void): void {
  if (!Notification.isSupported()) return
  const notification = new Notification({
    title: alert.title,
    body: alert.body,
    urgency: alert.status === 'RESTARTING' ? 'normal' : 'critical'
  })
  const release = () => shown.delete(notification)
  notification.on('click', () => {
    release()
    openJob(alert)
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
