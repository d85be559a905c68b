/**
 * Connects every session the manager opens to the app's outputs: batched IPC pushes, job alerts and the tray. A
 * profile saved with changes gets a new session; the fan-out follows it, so nothing is left listening to a dead one.
 */
import type { ConnectionState, StreamName } from '../../shared/connection'
import type { SessionEnvelope } from '../../shared/session'
import type { MetricsUpdate } from '../../shared/metrics'
import type { AwaySummary, TimelineEvent } from '../../shared/timeline'
import type { SessionHandle, SessionManager } from '../core/session/session-api'

export interface SessionFanoutSink {
  envelope(envelope: SessionEnvelope): void
  /** Any connection state changed (tray colour, tooltips). */
  statesChanged(): void
  /** A job's live metrics changed (new points, outages, diagnosis). */
  metrics?(profileId: string, update: MetricsUpdate): void
  /** A new (or grown) timeline event of a session (issue 22). */
  timeline?(event: TimelineEvent): void
  /** A session's "while you were away" summary changed (null: dismissed). */
  away?(profileId: string, summary: AwaySummary | null): void
  /** A session opened (the alert center attaches to it); the returned function is called when it closes. */
  attach?(session: SessionHandle): () => void
}

/** A manager whose sessions are attached to `sink` as they open and detached as they close. */
export function withFanout(manager: SessionManager, sink: SessionFanoutSink) {
  const attached = new Map<string, { session: SessionHandle; detach: () => void }>()
  const states = new Map<string, Map<StreamName, ConnectionState>>()

  const attach = (session: SessionHandle) => {
    const current = attached.get(session.profileId)
    if (current?.session === session) return
    current?.detach()
    const streams = new Map(Object.entries(session.snapshot().streams)) as Map<
      StreamName,
      ConnectionState
    >
    states.set(session.profileId, streams)
    const stopMetrics = session.metrics?.subscribe((update) =>
      sink.metrics?.(session.profileId, update)
    )
    // Only a sink that shows the timeline listens to it (test doubles of a session may have none).
    const { timeline, away } = sink
    const stopTimeline = timeline && session.timeline.subscribe((event) => timeline(event))
    const stopAway = away && session.timeline.onAway((summary) => away(session.profileId, summary))
    const stopEnvelopes = session.subscribe((envelope) => {
      if (envelope.update.type === 'state') {
        streams.set(envelope.update.stream, envelope.update.state)
        sink.statesChanged()
      }
      sink.envelope(envelope)
    })
    const stopAttached = sink.attach?.(session)
    const detach = () => {
      stopEnvelopes()
      stopMetrics?.()
      stopTimeline?.()
      stopAway?.()
      stopAttached?.()
    }
    attached.set(session.profileId, { session, detach })
    sink.statesChanged()
  }

  const detach = (profileId: string) => {
    attached.get(profileId)?.detach()
    attached.delete(profileId)
    states.delete(profileId)
    sink.statesChanged()
  }

  const fanout: SessionManager = {
    async open(profile) {
      const session = await manager.open(profile)
      attach(session)
      return session
    },
    get: (profileId) => manager.get(profileId),
    all: () => manager.all(),
    async close(profileId) {
      detach(profileId)
      await manager.close(profileId)
    },
    test: (profile, password) => manager.test(profile, password),
    async closeAll() {
      for (const profileId of [...attached.keys()]) detach(profileId)
      await manager.closeAll()
    }
  }
  return {
    manager: fanout,
    /** Connection states by profile, as last reported. */
    states: (profileId: string) => [...(states.get(profileId)?.values() ?? [])]
  }
}
