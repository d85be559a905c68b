/** Test harness: an alert center on a fake clock with one fake session attached and live, and its events. */
import type { AlertEvent, AlertRule } from '../../../../src/shared/alerts'
import { createAlertCenter } from '../../../../src/main/core/alerts/alert-center'
import type { AlertCenter } from '../../../../src/main/core/alerts/alert-center-api'
import { silentLogger } from '../../../../src/main/core/logger'
import type { AlertSilence } from '../../../../src/shared/alerts'
import type { SessionSnapshot } from '../../../../src/shared/session'
import { createFakeClock, type FakeClock } from '../connection/fake-clock'
import { createFakeSession, type FakeSession } from './fake-session'

export const SERVER = { name: 'prod', origin: 'http://dinky:8888' }
export const MINUTE = 60_000

export interface Harness {
  clock: FakeClock
  center: AlertCenter
  session: FakeSession
  events: AlertEvent[]
  /** `[state, jobId, announce]` of every event so far, then forgets them. */
  take(): Array<[AlertEvent['state'], number | null, boolean]>
}

export function startCenter(
  rules: AlertRule[],
  silences: AlertSilence[] = [],
  options: { live?: boolean; snapshot?: Partial<SessionSnapshot> } = {}
): Harness {
  const clock = createFakeClock(Date.parse('2026-12-01T00:00:00Z'))
  const center = createAlertCenter({ clock, logger: silentLogger, rules: { rules, silences } })
  const events: AlertEvent[] = []
  center.subscribe((event) => events.push(event))
  const session = createFakeSession('p1', options.snapshot)
  center.attach(session.handle, SERVER)
  if (options.live !== false) session.rest('live', clock.now())
  return {
    clock,
    center,
    session,
    events,
    take: () => events.splice(0).map((e) => [e.state, e.jobId, e.announce])
  }
}
