/**
 * The open alerts (issue 22): the bell counts the firing ones; the drawer lists each with its marks and says
 * "unknown since …" for one whose data went stale; Acknowledge and Snooze (15 min, 1 h, until resolved) call the
 * right channel with the alert's key; server text stays text.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { AlertsBell } from '../../../src/renderer/src/features/alerts/AlertsBell'
import type { ActiveAlert } from '../../../src/shared/alerts'
import { demoStore, renderConsole } from '../render-console'

afterEach(cleanup)

const alert = (overrides: Partial<ActiveAlert>): ActiveAlert => ({
  key: 'prod\u0000job-failed\u00007',
  ruleId: 'job-failed',
  ruleName: 'job-failed',
  kind: 'job-status',
  severity: 'critical',
  profileId: 'prod',
  serverName: 'Production',
  jobId: 7,
  taskId: 70,
  jobName: 'ods_orders',
  state: 'firing',
  since: Date.now() - 60_000,
  unknownSince: null,
  detail: 'status FAILED',
  acknowledgedAt: null,
  snoozedUntil: null,
  silencedBy: null,
  ...overrides
})

function renderBell(alerts: ActiveAlert[], language: 'en-US' | 'zh-CN' = 'en-US') {
  const store = demoStore()
  store.getState().setActiveAlerts(alerts)
  return renderConsole(<AlertsBell />, {
    store,
    language,
    handlers: { 'alerts:acknowledge': () => undefined, 'alerts:snooze': () => undefined }
  })
}

describe('open alerts', () => {
  it("says the core's English detail in English only, the rule's kind in Chinese", async () => {
    const stale = {
      key: 'k4',
      kind: 'server-stale' as const,
      jobId: null,
      jobName: null,
      detail: 'server not live since 2026-12-07T11:52:53.240Z'
    }
    renderBell([alert(stale)], 'zh-CN')
    fireEvent.click(screen.getByTestId('alerts-bell'))
    const [row] = await screen.findAllByTestId('open-alert')
    expect(row!.textContent).toContain('服务器不在线')
    expect(row!.textContent).not.toContain('server not live')
    cleanup()
    renderBell([alert(stale)])
    fireEvent.click(screen.getByTestId('alerts-bell'))
    const [english] = await screen.findAllByTestId('open-alert')
    expect(english!.textContent).toContain('server not live since')
  })

  it('counts the firing ones on the bell and lists every open one with its marks', async () => {
    renderBell([
      alert({}),
      alert({
        key: 'k2',
        jobName: '<img src=x onerror=alert(1)>',
        acknowledgedAt: 1,
        snoozedUntil: 'resolved'
      }),
      alert({ key: 'k3', state: 'unknown', unknownSince: Date.now() - 5_000 })
    ])
    expect(screen.getByTestId('alerts-bell').getAttribute('data-firing')).toBe('2')
    fireEvent.click(screen.getByTestId('alerts-bell'))
    const rows = await screen.findAllByTestId('open-alert')
    expect(rows).toHaveLength(3)
    expect(rows[0]!.textContent).toContain('Firing since')
    expect(rows[1]!.textContent).toContain('<img src=x onerror=alert(1)>')
    expect(rows[1]!.querySelector('img')).toBeNull()
    expect(within(rows[1]!).getByTestId('alert-mark-ack').textContent).toBe('Acknowledged')
    expect(within(rows[1]!).getByTestId('alert-mark-snooze').textContent).toBe(
      'Snoozed until resolved'
    )
    expect(rows[2]!.textContent).toContain('Unknown since')
  })

  it('acknowledges and snoozes through the right channels with the alert key', async () => {
    const { fake } = renderBell([alert({})])
    fireEvent.click(screen.getByTestId('alerts-bell'))
    const row = await screen.findByTestId('open-alert')
    fireEvent.click(within(row).getByTestId('alert-acknowledge'))
    await waitFor(() =>
      expect(fake.callsTo('alerts:acknowledge')).toEqual([{ key: 'prod\u0000job-failed\u00007' }])
    )
    const before = Date.now()
    for (const choice of ['15m', '1h', 'resolved']) {
      fireEvent.click(within(row).getByTestId('alert-snooze'))
      fireEvent.click(await screen.findByTestId(`alert-snooze-${choice}`))
    }
    await waitFor(() => expect(fake.callsTo('alerts:snooze')).toHaveLength(3))
    const calls = fake.callsTo('alerts:snooze') as Array<{
      key: string
      until: number | 'resolved'
    }>
    expect(calls.every((call) => call.key === 'prod\u0000job-failed\u00007')).toBe(true)
    const [quarter, hour, resolved] = calls.map((call) => call.until)
    expect(quarter).toBeGreaterThanOrEqual(before + 15 * 60_000)
    expect(quarter).toBeLessThan(before + 16 * 60_000)
    expect(hour).toBeGreaterThanOrEqual(before + 60 * 60_000)
    expect(hour).toBeLessThan(before + 61 * 60_000)
    expect(resolved).toBe('resolved')
  })

  it('opens from a navigate push that asks for the alerts panel', async () => {
    const { store } = renderBell([alert({})])
    store
      .getState()
      .applyPush('app:navigate', [{ profileId: 'prod', view: 'overview', panel: 'alerts' }])
    await screen.findByTestId('open-alert')
  })
})
