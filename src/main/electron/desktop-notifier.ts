/** Native notifications for job alarms; clicking one brings the window forward on that job. */
import { Notification } from 'electron'
import type { JobAlert } from '../desktop/job-alerts'

export function showJobNotification(alert: JobAlert, openJob: (alert: JobAlert) => void): void {
  if (!Notification.isSupported()) return
  const notification = new Notification({
    title: alert.title,
    body: alert.body,
    urgency: alert.status === 'RESTARTING' ? 'normal' : 'critical'
  })
  notification.on('click', () => openJob(alert))
  notification.show()
}
