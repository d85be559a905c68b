/**
 * Bounded memories of what happened to one job, for rules that count within a window or over consecutive samples:
 * `EventWindow` holds restart or checkpoint-failure times (with a count each), `SampleWindow` the last verdicts of
 * a metric against its line. Both keep a fixed number of entries however long the job runs.
 */

/** Entries kept: enough for the largest `atLeast` a rule may name (256) once events are merged. */
const MAX_EVENTS = 64

export class EventWindow {
  private readonly ats: number[] = []
  private readonly counts: number[] = []

  add(at: number, count: number): void {
    if (count <= 0) return
    const last = this.ats.length - 1
    if (last >= 0 && this.ats[last] === at) {
      this.counts[last] += count
      return
    }
    this.ats.push(at)
    this.counts.push(Math.min(count, 1_000_000))
    if (this.ats.length > MAX_EVENTS) {
      // Merge the two oldest: the older time is lost, the count is not (a window then ends a little early).
      this.counts[1] += this.counts[0]
      this.ats.shift()
      this.counts.shift()
    }
  }

  /** Events after `since` (exclusive). */
  countAfter(since: number): number {
    let sum = 0
    for (let i = this.ats.length - 1; i >= 0 && this.ats[i] > since; i--) sum += this.counts[i]
    return sum
  }

  /**
   * When the newest `atLeast` events stop being within `windowMs`: the time of the event that makes the count reach
   * `atLeast`, plus the window. Infinity when there are fewer events than that.
   */
  dropsBelowAt(atLeast: number, windowMs: number): number {
    let sum = 0
    for (let i = this.ats.length - 1; i >= 0; i--) {
      sum += this.counts[i]
      if (sum >= atLeast) return this.ats[i] + windowMs
    }
    return Infinity
  }

  clear(): void {
    this.ats.length = 0
    this.counts.length = 0
  }
}

/** The last `size` samples of a metric (by sample time), each over the rule's line or not, with its value. */
export class SampleWindow {
  readonly ats: number[] = []
  readonly overs: boolean[] = []
  readonly values: number[] = []

  constructor(private readonly size: number) {}

  /** Adds a sample in time order; one already known or older than every kept one (when full) is ignored. */
  add(at: number, over: boolean, value: number): void {
    let i = this.ats.length
    while (i > 0 && this.ats[i - 1] > at) i--
    if (i > 0 && this.ats[i - 1] === at) return
    if (i === 0 && this.ats.length >= this.size) return
    this.ats.splice(i, 0, at)
    this.overs.splice(i, 0, over)
    this.values.splice(i, 0, value)
    if (this.ats.length > this.size) {
      this.ats.shift()
      this.overs.shift()
      this.values.shift()
    }
  }

  /** True when the window is full and every sample in it is over the line. */
  allOver(): boolean {
    if (this.ats.length < this.size) return false
    for (const over of this.overs) if (!over) return false
    return true
  }

  last(): number | null {
    return this.values.length > 0 ? this.values[this.values.length - 1] : null
  }
}
