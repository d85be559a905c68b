/**
 * An in-memory `AlertCenter` for the app-side tests (IPC handlers, notifications, tray count): open alerts are set
 * by the test, events are played by the test, and every acknowledge and snooze is recorded.
 */
import type {
  ActiveAlert,
  AlertEvent,
  AlertRulesDocument,
  SnoozeUntil
} from '../../../src/shared/alerts'
import { DEFAULT_ALERT_RULES } from '../../../src/shared/alerts'
import type { AlertCenter } from '../../../src/main/core/alerts/alert-center-api'

export interface FakeAlertCenter extends AlertCenter {
  open: ActiveAlert[]
  acknowledged: string[]
  snoozed: Array<{ key: string; until: SnoozeUntil }>
  emit(event: AlertEvent): void
}

export function createFakeAlertCenter(rules = DEFAULT_ALERT_RULES): FakeAlertCenter {
  let current: AlertRulesDocument = structuredClone(rules)
  const listeners = new Set<(event: AlertEvent) => void>()
  const center: FakeAlertCenter = {
    open: [],
    acknowledged: [],
    snoozed: [],
    attach: () => () => undefined,
    setRules: (next) => void (current = structuredClone(next)),
    rules: () => structuredClone(current),
    active: () => center.open.map((alert) => ({ ...alert })),
    acknowledge: (key) => void center.acknowledged.push(key),
    snooze: (key, until) => void center.snoozed.push({ key, until }),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    dispose: () => listeners.clear(),
    emit: (event) => listeners.forEach((listener) => listener(event))
  }
  return center
}

/** An open alert of `job-failed` on job 7 of profile `p`. */
export function openAlert(overrides: Partial<ActiveAlert> = {}): ActiveAlert {
  return {
    key: 'p\u0000job-failed\u00007',
    ruleId: 'job-failed',
    ruleName: 'job-failed',
    kind: 'job-status',
    severity: 'critical',
    profileId: 'p',
    serverName: 'Prod',
    jobId: 7,
    taskId: 70,
    jobName: 'ods_orders',
    state: 'firing',
    since: 1_000,
    unknownSince: null,
    detail: 'status FAILED',
    acknowledgedAt: null,
    snoozedUntil: null,
    silencedBy: null,
    ...overrides
  }
}

/** The event the center sends when `alert` changes to `state`. */
export function alertEvent(
  state: AlertEvent['state'],
  overrides: Partial<AlertEvent> = {}
): AlertEvent {
  return {
    type: 'alert',
    state,
    key: 'p\u0000job-failed\u00007',
    rule: 'job-failed',
    kind: 'job-status',
    severity: 'critical',
    server: 'http://dinky:8888',
    profileId: 'p',
    jobId: 7,
    jobName: 'ods_orders',
    since: 1_000,
    at: 2_000,
    detail: 'status FAILED',
    announce: true,
    ...overrides
  }
}
