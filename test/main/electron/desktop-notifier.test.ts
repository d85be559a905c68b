/**
 * Each shown notification stays referenced until it is clicked, acted on, closed or fails (Electron drops a
 * collected notification's events), the set stays bounded on desktops that never report a close, and a button
 * (Electron 45's `action` event) comes back as the notice's action id.
 */
import { describe, expect, it, vi } from 'vitest'
import type { AlertNotice } from '../../../src/main/desktop/alert-notices'

const created = vi.hoisted(
  () => [] as Array<{ options: unknown; emit(event: string, ...args: unknown[]): boolean }>
)

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events')
  return {
    Notification: class extends Emitter {
      static isSupported = () => true
      constructor(readonly options: unknown) {
        super()
        created.push(this)
      }
      show() {}
    }
  }
})

const { heldNotificationCount, showAlertNotification } =
  await import('../../../src/main/electron/desktop-notifier')

const notice = (jobId: number, withActions = false): AlertNotice => ({
  key: `p\u0000job-failed\u0000${jobId}`,
  profileId: 'p',
  jobId,
  title: `job ${jobId}: job status alert`,
  body: 'Prod · job-failed · status FAILED',
  urgency: 'critical',
  actions: withActions
    ? [
        { id: 'snooze-1h', text: 'Snooze 1 h' },
        { id: 'acknowledge', text: 'Acknowledge' }
      ]
    : [],
  recovery: false
})

describe('alert notifications', () => {
  it('are held until clicked, closed or failed, and a click opens the job', () => {
    const opened: number[] = []
    for (const id of [1, 2, 3])
      showAlertNotification(notice(id), { click: () => opened.push(id), action: () => undefined })
    const shown = created.slice(-3)
    expect(heldNotificationCount()).toBe(3)
    shown[0]!.emit('click')
    shown[1]!.emit('close')
    expect(opened).toEqual([1])
    expect(heldNotificationCount()).toBe(1)
    shown[2]!.emit('failed', {}, 'no notification daemon')
    expect(heldNotificationCount()).toBe(0)
  })

  it('carry their buttons and report which one was pressed', () => {
    const pressed: string[] = []
    showAlertNotification(notice(4, true), {
      click: () => undefined,
      action: (id) => pressed.push(id)
    })
    const shown = created.at(-1)!
    expect(shown.options).toMatchObject({
      actions: [
        { type: 'button', text: 'Snooze 1 h' },
        { type: 'button', text: 'Acknowledge' }
      ],
      urgency: 'critical'
    })
    shown.emit('action', { actionIndex: 1 }, 1)
    expect(pressed).toEqual(['acknowledge'])
    showAlertNotification(notice(5), { click: () => undefined, action: () => undefined })
    expect(created.at(-1)!.options).not.toHaveProperty('actions')
  })

  it('holds at most 50 when the desktop never reports them closed', () => {
    for (let id = 0; id < 80; id++)
      showAlertNotification(notice(id), { click: () => undefined, action: () => undefined })
    expect(heldNotificationCount()).toBe(50)
  })
})
