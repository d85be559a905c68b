/**
 * Which job-health summaries the renderer already has, so that a background sweep's read that found nothing new
 * (the same checkpoint, backpressure and reasons, only a later `asOf`) sends nothing (issue 23: idle IPC bytes
 * O(changed)). Why the renderer loses nothing: it shows a summary's figures and reasons, which main judged when it
 * read them, never the summary's `asOf`; it loads main's current summaries (with their latest `asOf`) whenever it
 * loads them at all, and those count as sent (after a restart, the cached summaries it loaded are not sent again).
 * An open drawer's detail is always sent: the drawer tells its age.
 */
import { sameHealthReading, type JobHealthSummary } from '../../shared/job-health'

/**
 * Beyond this many remembered instances the memory starts again (a few summaries are sent twice; memory stays
 * bounded).
 */
const MAX_REMEMBERED = 50_000

export class HealthPushes {
  private readonly sent = new Map<string, JobHealthSummary>()

  /** True when `summary` tells the renderer something its last one for that instance did not; remembers it. */
  changed(profileId: string, summary: JobHealthSummary): boolean {
    const key = `${profileId}\u0000${summary.instanceId}`
    const last = this.sent.get(key)
    if (last && sameHealthReading(last, summary)) return false
    if (this.sent.size >= MAX_REMEMBERED) this.sent.clear()
    this.sent.set(key, summary)
    return true
  }

  /** Remembers summaries the renderer got another way (its answer to `jobHealth:summaries`). */
  note(profileId: string, summaries: readonly JobHealthSummary[]): void {
    for (const summary of summaries) this.changed(profileId, summary)
  }

  /** Forgets what one server's (or, with null, every server's) renderer was sent: its cache was cleared. */
  forget(profileId: string | null): void {
    if (profileId === null) return this.sent.clear()
    const prefix = `${profileId}\u0000`
    for (const key of [...this.sent.keys()]) if (key.startsWith(prefix)) this.sent.delete(key)
  }
}
