/**
 * When to ask Dinky for which job's detail. One request at a time per server, starts spaced by at least
 * `1000 / budget` ms, so the total rate never passes the budget (default one per second). Open drawers come first,
 * each every 3 s (Dinky web's own cadence on the job page), the least recently read first, so with more drawers
 * than the budget serves every 3 s each is still read once per round of them; the remaining slots sweep the
 * running jobs round-robin, each at most once per `sweepMinAgeMs`. A slow answer or an error widens the gap (backs
 * off); nothing is asked while the session is not live. The budget is read afresh at least once a second, so a
 * changed setting applies to a wait already under way.
 */
import type { Clock, Logger, TimerHandle } from '../ports'

export type DetailReason = 'open' | 'sweep' | 'force'

export interface DetailSchedulerOptions {
  clock: Clock
  logger: Logger
  /** Detail requests per second per server, in total (the setting). */
  budgetPerSecond: () => number
  /** Running job instances, in the order the sweep visits them. */
  candidates: () => readonly number[]
  isLive: () => boolean
  /** Reads a job's detail; resolves to how many requests beyond the detail it made (counted against the budget). */
  fetch: (instanceId: number, reason: DetailReason) => Promise<number | void>
  openIntervalMs?: number
  sweepMinAgeMs?: number
  /** An answer slower than this doubles the next gap by its latency. */
  slowMs?: number
}

export interface DetailSchedulerStats {
  requests: number
  open: number
  sweep: number
  errors: number
  /** Current extra wait from backoff, ms. */
  penaltyMs: number
}

const MAX_PENALTY_MS = 60_000
const IDLE_RECHECK_MS = 1_000
/** The longest sleep before the budget is read again (a lowered budget's long gap must not outlive a raise). */
const BUDGET_RECHECK_MS = 1_000

export class DetailScheduler {
  private readonly openJobs = new Map<number, { lastAt: number; force: boolean }>()
  private readonly sweptAt = new Map<number, number>()
  private sweepIndex = 0
  private timer: TimerHandle | null = null
  private running = false
  private inFlight = false
  private lastStartAt = -Infinity
  private consecutiveErrors = 0
  readonly stats: DetailSchedulerStats = { requests: 0, open: 0, sweep: 0, errors: 0, penaltyMs: 0 }

  constructor(private readonly options: DetailSchedulerOptions) {}

  start(): void {
    if (this.running) return
    this.running = true
    this.reschedule()
  }

  stop(): void {
    this.running = false
    if (this.timer) this.options.clock.clearTimeout(this.timer)
    this.timer = null
  }

  openJob(instanceId: number): void {
    if (!this.openJobs.has(instanceId))
      this.openJobs.set(instanceId, { lastAt: -Infinity, force: false })
    this.reschedule()
  }

  closeJob(instanceId: number): void {
    this.openJobs.delete(instanceId)
  }

  isOpen(instanceId: number): boolean {
    return this.openJobs.has(instanceId)
  }

  /** A manual refresh (`isForce=true`): next in line, still within the budget. */
  force(instanceId: number): void {
    const open = this.openJobs.get(instanceId)
    if (open) open.force = true
    else this.openJobs.set(instanceId, { lastAt: -Infinity, force: true })
    this.reschedule()
  }

  private gapMs(): number {
    const budget = this.options.budgetPerSecond()
    return 1000 / (Number.isFinite(budget) && budget > 0 ? Math.min(budget, 20) : 1)
  }

  /** When the next request may start under the budget as it is now. */
  private nextStartAt(): number {
    // +2 ms: timers and the ms wall clock round; the budget is a ceiling, never met from above.
    return this.lastStartAt + this.gapMs() + 2 + this.stats.penaltyMs
  }

  private reschedule(): void {
    if (!this.running || this.inFlight) return
    if (this.timer) this.options.clock.clearTimeout(this.timer)
    const { clock } = this.options
    const wait = Math.max(0, this.nextStartAt() - clock.now())
    this.timer = clock.setTimeout(() => void this.slot(), Math.min(wait, BUDGET_RECHECK_MS))
  }

  private pick(now: number): { id: number; reason: DetailReason } | { waitMs: number } {
    const openInterval = this.options.openIntervalMs ?? 3_000
    // The least recently read open drawer first: taking the first due one in opening order starves the last
    // opened whenever the drawers want more than the budget gives (4 every 3 s against 1 per second).
    let nextDue = Infinity
    let oldest: { id: number; lastAt: number } | null = null
    for (const [id, job] of this.openJobs) {
      if (job.force) return { id, reason: 'force' }
      const due = job.lastAt + openInterval
      if (due > now) nextDue = Math.min(nextDue, due - now)
      else if (!oldest || job.lastAt < oldest.lastAt) oldest = { id, lastAt: job.lastAt }
    }
    if (oldest) return { id: oldest.id, reason: 'open' }
    const candidates = this.options.candidates()
    const minAge = this.options.sweepMinAgeMs ?? 15_000
    for (let step = 0; step < candidates.length; step++) {
      const index = (this.sweepIndex + step) % candidates.length
      const id = candidates[index]
      if (this.openJobs.has(id)) continue
      if (now - (this.sweptAt.get(id) ?? -Infinity) < minAge) continue
      this.sweepIndex = index + 1
      return { id, reason: 'sweep' }
    }
    return { waitMs: Math.min(nextDue, IDLE_RECHECK_MS) }
  }

  private async slot(): Promise<void> {
    this.timer = null
    if (!this.running) return
    const { clock } = this.options
    if (!this.options.isLive()) {
      this.timer = clock.setTimeout(() => void this.slot(), IDLE_RECHECK_MS)
      return
    }
    const now = clock.now()
    if (now < this.nextStartAt()) return this.reschedule()
    const choice = this.pick(now)
    if ('waitMs' in choice) {
      this.timer = clock.setTimeout(() => void this.slot(), Math.max(50, choice.waitMs))
      return
    }
    const { id, reason } = choice
    const open = this.openJobs.get(id)
    if (open) {
      open.lastAt = now
      open.force = false
    } else {
      // Bounded: job instance ids come and go; forgetting old ones only makes them due again.
      if (this.sweptAt.size > 5_000) this.sweptAt.clear()
      this.sweptAt.set(id, now)
    }
    this.inFlight = true
    this.lastStartAt = now
    this.stats.requests += 1
    this.stats[reason === 'sweep' ? 'sweep' : 'open'] += 1
    try {
      const extra = (await this.options.fetch(id, reason)) ?? 0
      // Extra requests (a skew read) take their slots too: the next start waits as if each had been scheduled.
      if (extra > 0) {
        this.lastStartAt += extra * this.gapMs()
        this.stats.requests += extra
      }
      this.consecutiveErrors = 0
      const latency = clock.now() - now
      this.stats.penaltyMs =
        latency > (this.options.slowMs ?? 2_000) ? Math.min(MAX_PENALTY_MS, latency * 2) : 0
    } catch (error) {
      this.stats.errors += 1
      this.consecutiveErrors += 1
      this.stats.penaltyMs = Math.min(MAX_PENALTY_MS, this.gapMs() * 2 ** this.consecutiveErrors)
      this.options.logger.debug('job detail failed', { id, reason, error: String(error) })
    } finally {
      this.inFlight = false
    }
    this.reschedule()
  }
}
