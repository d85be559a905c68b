/**
 * What an alert event becomes on the desktop (issue 22): only announced firing, repeat and resolved events are
 * shown, in the UI language, with server text made plain; buttons where the OS has them, none on a recovery; and
 * the buttons and the click reach the center and the window.
 */
import { describe, expect, it } from 'vitest'
import {
  alertNotice,
  notificationActionsSupported,
  type AlertNotice
} from '../../../src/main/desktop/alert-notices'
import { alertNoticeStrings } from '../../../src/main/desktop/alert-notice-strings'
import { announceAlerts, NOTIFICATION_SNOOZE_MS } from '../../../src/main/desktop/alert-announcer'
import { createFakeClock } from '../core/connection/fake-clock'
import { alertEvent, createFakeAlertCenter } from './fake-alert-center'

const en = alertNoticeStrings('en-US', 'en-US')
const options = { enabled: true, actions: true, strings: en, serverName: 'Prod', ruleName: null }

describe('alert notices', () => {
  it('show firing, repeated and resolved events only, and only when announced and switched on', () => {
    const shown = (['firing', 'repeat', 'resolved', 'unknown', 'acknowledged', 'snoozed'] as const)
      .map((state) => alertNotice(alertEvent(state), options))
      .map((notice) => notice?.title ?? null)
    expect(shown).toEqual([
      'ods_orders: job status alert',
      'ods_orders: job status alert (still)',
      'Recovered: ods_orders: job status alert',
      null,
      null,
      null
    ])
    expect(alertNotice(alertEvent('firing', { announce: false }), options)).toBeNull()
    expect(alertNotice(alertEvent('firing'), { ...options, enabled: false })).toBeNull()
  })

  it('carry Snooze 1 h and Acknowledge where the OS has buttons, none on a recovery or elsewhere', () => {
    const firing = alertNotice(alertEvent('firing'), options)!
    expect(firing.actions).toEqual([
      { id: 'snooze-1h', text: 'Snooze 1 h' },
      { id: 'acknowledge', text: 'Acknowledge' }
    ])
    expect(firing.urgency).toBe('critical')
    expect(firing.body).toBe('Prod · job-failed · status FAILED')
    const resolved = alertNotice(alertEvent('resolved'), options)!
    expect(resolved).toMatchObject({ actions: [], recovery: true, urgency: 'low' })
    expect(alertNotice(alertEvent('firing'), { ...options, actions: false })!.actions).toEqual([])
  })

  it('title a job-status alert by the status it saw, in the UI language', () => {
    const named = { ...options, statusName: (status: string) => `<${status.toLowerCase()}>` }
    expect(alertNotice(alertEvent('firing'), named)!.title).toBe('ods_orders: <failed>')
    const odd = alertEvent('firing', { detail: 'status SOMETHING' })
    expect(alertNotice(odd, named)!.title).toBe('ods_orders: job status alert')
  })

  it('have buttons on macOS and Windows, or as DINKY_NOTIFICATION_ACTIONS says', () => {
    expect(['darwin', 'win32', 'linux'].map((p) => notificationActionsSupported(p, {}))).toEqual([
      true,
      true,
      false
    ])
    expect(notificationActionsSupported('linux', { DINKY_NOTIFICATION_ACTIONS: 'on' })).toBe(true)
    expect(notificationActionsSupported('darwin', { DINKY_NOTIFICATION_ACTIONS: 'off' })).toBe(
      false
    )
  })

  it('speak Chinese, name a server alert after its server, and keep server text plain and bounded', () => {
    const zh = alertNoticeStrings('system', 'zh-CN')
    const server = alertNotice(
      alertEvent('firing', { kind: 'server-stale', jobId: null, jobName: null, rule: 'down' }),
      { ...options, strings: zh, ruleName: 'Server down' }
    )!
    expect(server.title).toBe('Prod: 服务器不可达')
    expect(server.actions.map((a) => a.text)).toEqual(['暂停提醒 1 小时', '确认'])
    const hostile = alertNotice(
      alertEvent('firing', { jobName: `<b>x</b>\n\u202eevil${'y'.repeat(300)}` }),
      options
    )!
    expect(hostile.title).not.toMatch(/[<>\n\u202e]/)
    expect(hostile.title.length).toBeLessThan(120)
  })
})

describe('the alert announcer', () => {
  function setup(actions = true) {
    const clock = createFakeClock()
    const center = createFakeAlertCenter()
    const shown: Array<{ notice: AlertNotice; click(): void; action(id: string): void }> = []
    const opened: Array<{ profileId: string; jobId: number | null }> = []
    let enabled = true
    const stop = announceAlerts({
      center,
      clock,
      actions,
      enabled: () => enabled,
      strings: () => en,
      serverName: () => 'Prod',
      show: (notice, on) => shown.push({ notice, ...on }),
      open: (target) => opened.push(target)
    })
    return { clock, center, shown, opened, stop, disable: () => (enabled = false) }
  }

  it('snoozes for an hour or acknowledges from the buttons, and a click opens the job', () => {
    const { clock, center, shown, opened } = setup()
    center.emit(alertEvent('firing'))
    expect(shown).toHaveLength(1)
    shown[0]!.action('snooze-1h')
    expect(center.snoozed).toEqual([
      { key: 'p\u0000job-failed\u00007', until: clock.now() + NOTIFICATION_SNOOZE_MS }
    ])
    shown[0]!.action('acknowledge')
    expect(center.acknowledged).toEqual(['p\u0000job-failed\u00007'])
    shown[0]!.click()
    expect(opened).toEqual([{ profileId: 'p', jobId: 7 }])
  })

  it('uses the rule name the operator gave, stays quiet when notifications are off, and stops', () => {
    const { center, shown, stop, disable } = setup()
    center.setRules({
      rules: [
        { id: 'job-failed', name: 'Prod job down', kind: 'job-status', statuses: ['FAILED'] }
      ],
      silences: []
    })
    center.emit(alertEvent('firing'))
    expect(shown[0]!.notice.body).toBe('Prod · Prod job down · status FAILED')
    disable()
    center.emit(alertEvent('repeat'))
    stop()
    center.emit(alertEvent('resolved'))
    expect(shown).toHaveLength(1)
  })
})
