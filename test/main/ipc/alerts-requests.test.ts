/**
 * The alerts request channels (issue 22) as the renderer reaches them through `dispatchRequest`: arguments bounded
 * by their schemas, a rules document judged by the real `parseAlertRules` (refused with its message, nothing
 * saved), a saved one kept in the real settings file, and acknowledge/snooze only for alerts still open.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createConfSettingsStore } from '../../../src/main/core/cache/conf-cache-store'
import type { SettingsStore } from '../../../src/main/core/cache/cache-store'
import { parseAlertRules } from '../../../src/main/core/alerts/parse-alert-rules'
import { createLineLogger, silentLogger } from '../../../src/main/core/logger'
import { dispatchRequest } from '../../../src/main/ipc/dispatch'
import { createAlertsHandlers, type AlertsService } from '../../../src/main/ipc/alerts-requests'
import { RequestError, type RequestHandlers } from '../../../src/main/ipc/request-handlers'
import { DEFAULT_ALERT_RULES, type AlertRulesDocument } from '../../../src/shared/alerts'
import {
  createFakeAlertCenter,
  openAlert,
  type FakeAlertCenter
} from '../desktop/fake-alert-center'

const refuse = (code: string, message: string) => new RequestError(code, message)

const goodRules: AlertRulesDocument = {
  rules: [
    { id: 'failed', kind: 'job-status', statuses: ['FAILED'], job: '*' },
    { id: 'cp', kind: 'checkpoint-failures', atLeast: 3, withinMinutes: 0.5 }
  ],
  silences: [{ job: 'backfill_*', until: '2026-12-24T00:00:00Z' }]
}

describe('alerts request channels', () => {
  let dir: string
  let settings: SettingsStore
  let center: FakeAlertCenter
  let handlers: RequestHandlers

  const call = (channel: string, argument?: unknown) =>
    dispatchRequest(handlers, channel, argument, silentLogger)

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dinky-alerts-ipc-'))
    settings = createConfSettingsStore({ dir, logger: silentLogger })
    center = createFakeAlertCenter()
    const service: AlertsService = {
      center,
      parse: parseAlertRules,
      save: (rules) => settings.saveSettings({ ...settings.settings(), alerts: rules })
    }
    handlers = createAlertsHandlers(service, refuse) as unknown as RequestHandlers
  })

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('saves a valid document to the center and the settings file, fractions included', async () => {
    expect(await call('alerts:save-rules', goodRules)).toMatchObject({ ok: true })
    expect(center.rules().rules.map((rule) => rule.id)).toEqual(['failed', 'cp'])
    const reopened = createConfSettingsStore({ dir, logger: silentLogger })
    expect(reopened.settings().alerts?.rules[1]).toMatchObject({ withinMinutes: 0.5 })
    expect(await call('alerts:rules')).toMatchObject({ ok: true, value: goodRules })
  })

  it('refuses a document parseAlertRules refuses, with its message naming rule and field, saving nothing', async () => {
    const bad = {
      ...goodRules,
      rules: [
        goodRules.rules[0],
        { id: 'cp', kind: 'checkpoint-failures', atLeast: 0, withinMinutes: 10 }
      ]
    }
    const result = await call('alerts:save-rules', bad)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-rules' } })
    expect(result.ok || result.error.message).toMatch(/rule "cp" \(#2\).*atLeast/)
    expect(center.rules()).toEqual(DEFAULT_ALERT_RULES)
    expect(settings.settings().alerts).toBeUndefined()
  })

  it('bounds what the renderer may send before any rule is judged', async () => {
    const tooMany = {
      rules: Array.from({ length: 201 }, (_, i) => ({ id: `r${i}` })),
      silences: []
    }
    const longText = {
      rules: [{ id: 'x'.repeat(501), kind: 'server-stale', minutes: 5 }],
      silences: []
    }
    const nested = { rules: [{ id: 'n', kind: 'metric', metric: { deep: true } }], silences: [] }
    const extra = { ...goodRules, script: 'x' }
    for (const argument of [tooMany, longText, nested, extra, null, 'rules'])
      expect(await call('alerts:save-rules', argument)).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument' }
      })
  })

  it('acknowledges and snoozes open alerts only, with a bounded until', async () => {
    center.open = [openAlert()]
    const key = openAlert().key
    expect(await call('alerts:active')).toMatchObject({ ok: true, value: [{ key }] })
    expect(await call('alerts:snooze', { key, until: 'resolved' })).toMatchObject({ ok: true })
    expect(await call('alerts:snooze', { key, until: 5_000_000 })).toMatchObject({ ok: true })
    expect(await call('alerts:acknowledge', { key })).toMatchObject({ ok: true })
    expect(center.snoozed).toEqual([
      { key, until: 'resolved' },
      { key, until: 5_000_000 }
    ])
    expect(center.acknowledged).toEqual([key])
    for (const until of ['later', -1, 1.5, null])
      expect(await call('alerts:snooze', { key, until })).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument' }
      })
    expect(await call('alerts:acknowledge', { key: 'gone' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' }
    })
    expect(await call('alerts:acknowledge', { key: 'k'.repeat(1001) })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' }
    })
  })

  it('says unsupported where there is no alert center (the CLI)', async () => {
    handlers = createAlertsHandlers(undefined, refuse) as unknown as RequestHandlers
    expect(await call('alerts:active')).toMatchObject({ ok: false, error: { code: 'unsupported' } })
  })
})

describe('alert rules in the settings file', () => {
  it('falls back to the default rules, with a warning, when the stored document is bad', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dinky-alerts-settings-'))
    try {
      const stored = {
        version: 1,
        profiles: [],
        selectedProfileId: null,
        settings: {
          language: 'zh-CN',
          alerts: { rules: [{ id: 'x', kind: 'nope' }], silences: [] }
        }
      }
      await writeFile(join(dir, 'settings.json'), JSON.stringify(stored))
      const lines: string[] = []
      const settings = createConfSettingsStore({
        dir,
        logger: createLineLogger((line) => lines.push(line))
      })
      expect(settings.settings().alerts).toBeUndefined()
      expect(settings.settings().language).toBe('zh-CN')
      expect(
        lines.some((line) => /WARN .*alert rules unreadable.*kind must be one of/.test(line))
      ).toBe(true)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
