/**
 * What the app, the CLI and the timeline ask of the alert center (issue 22): one center watches every server session,
 * evaluates the operator's rules on what the sessions report, and tells each change of an alert once. The center
 * never judges stale data: while a server is not live its job alerts turn `unknown` and only `server-stale` may fire.
 */
import type {
  ActiveAlert,
  AlertEvent,
  AlertRulesDocument,
  SnoozeUntil
} from '../../../shared/alerts'
import type { SessionHandle } from '../session/session-api'

/** How rules name a server: a rule's `server` scope matches any of these (globs allowed). */
export interface AlertServer {
  name: string
  /** The server's URL origin, e.g. `http://dinky:8888`. */
  origin: string
}

export interface AlertCenter {
  /** Starts watching a session (its updates, job health, metrics, connection states); returns the detach. */
  attach(session: SessionHandle, server: AlertServer): () => void
  /** Replaces the rules and silences (validated by `parseAlertRules`); open episodes of removed rules end silently. */
  setRules(rules: AlertRulesDocument): void
  rules(): AlertRulesDocument
  /** Open episodes (firing or unknown), all servers, most severe and oldest first. */
  active(): ActiveAlert[]
  acknowledge(key: string): void
  snooze(key: string, until: SnoozeUntil): void
  /** Every change of an alert (fired, resolved, unknown, repeat, acknowledged, snoozed), in order. */
  subscribe(listener: (event: AlertEvent) => void): () => void
  dispose(): void
}
