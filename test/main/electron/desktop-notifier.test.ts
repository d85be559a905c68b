/**
 * Each shown notification stays referenced until it is clicked, closed or fails (Electron drops a collected
 * notification's events), and the set stays bounded on desktops that never report a close.
 */
import { describe, expect, it, vi } from 'vitest'

const created = vi.hoisted(() => [] as Array<{ emit(event: string, ...args: unknown[]): boolean }>)

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

const { heldNotificationCount, showJobNotification } =
  await import('../../../src/main/electron/desktop-notifier')

const alert = (jobId: number) => ({
  profileId: 'p',
  jobId,
  status: 'FAILED' as const,
  title: `job ${jobId} FAILED`,
  body: 'it failed'
})

describe('job notifications', () => {
  it('are held until clicked, closed or failed, and a click opens the job', () => {
    const opened: number[] = []
    for (const id of [1, 2, 3]) showJobNotification(alert(id) as never, (a) => opened.push(a.jobId))
    const shown = created.slice(-3)
    expect(heldNotificationCount()).toBe(3)
    shown[0]!.emit('click')
    shown[1]!.emit('close')
    expect(opened).toEqual([1])
    expect(heldNotificationCount()).toBe(1)
    shown[2]!.emit('failed', {}, 'no notification daemon')
    expect(heldNotificationCount()).toBe(0)
  })

  it('holds at most 50 when the desktop never reports them closed', () => {
    for (let id = 0; id < 80; id++) showJobNotification(alert(id) as never, () => undefined)
    expect(heldNotificationCount()).toBe(50)
  })
})
