/**
 * The alert center's one timer needs the earliest of many deadlines (a job's no-checkpoint limit, a window sliding
 * past a restart, a repeat, a snooze's end): a binary min-heap of (time, target). Entries are never removed early;
 * a target whose deadline moved simply has a stale entry that its owner skips when it comes up.
 */
export interface Deadline<T> {
  at: number
  target: T
}

export class DeadlineQueue<T> {
  private heap: Deadline<T>[] = []

  get size(): number {
    return this.heap.length
  }

  push(at: number, target: T): void {
    const heap = this.heap
    heap.push({ at, target })
    let i = heap.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (heap[parent].at <= heap[i].at) break
      ;[heap[parent], heap[i]] = [heap[i], heap[parent]]
      i = parent
    }
  }

  peek(): Deadline<T> | undefined {
    return this.heap[0]
  }

  pop(): Deadline<T> | undefined {
    const heap = this.heap
    const top = heap[0]
    const last = heap.pop()
    if (heap.length === 0 || !last) return top
    heap[0] = last
    let i = 0
    for (;;) {
      const left = 2 * i + 1
      const right = left + 1
      let least = i
      if (left < heap.length && heap[left].at < heap[least].at) least = left
      if (right < heap.length && heap[right].at < heap[least].at) least = right
      if (least === i) break
      ;[heap[least], heap[i]] = [heap[i], heap[least]]
      i = least
    }
    return top
  }

  /** Rebuilds from the deadlines that still hold (why: stale entries would otherwise pile up between pops). */
  rebuild(current: Iterable<Deadline<T>>): void {
    this.heap = []
    for (const { at, target } of current) this.push(at, target)
  }
}

/** What has a deadline: `dueAt` is the one that counts; `removed` targets are skipped. */
export interface DeadlineTarget {
  dueAt: number
  removed: boolean
}

/**
 * One deadline per target over a `DeadlineQueue`: setting a new one leaves the old entry stale (skipped when it
 * comes up), and the queue is rebuilt from the targets once stale entries outnumber them.
 */
export class TargetDeadlines<T extends DeadlineTarget> {
  private readonly queue = new DeadlineQueue<T>()
  /** The size at which the queue is next checked for stale entries (checking walks every target). */
  private checkAt = 1024

  constructor(private readonly targets: () => Iterable<T>) {}

  /** Entries held, stale ones included. */
  get size(): number {
    return this.queue.size
  }

  /** Why `now + 1` for a past deadline: a verdict due now was just taken; it must not loop within one tick. */
  set(target: T, due: number, now: number): void {
    const at = due <= now ? now + 1 : due
    if (at === target.dueAt) return
    target.dueAt = at
    if (!Number.isFinite(at)) return
    this.queue.push(at, target)
    if (this.queue.size > this.checkAt) this.compactIfStale()
  }

  /** The next target due by `now` (its deadline cleared), or undefined. */
  popDue(now: number): T | undefined {
    for (let top = this.queue.peek(); top && top.at <= now; top = this.queue.peek()) {
      this.queue.pop()
      if (top.target.removed || top.target.dueAt !== top.at) continue
      top.target.dueAt = Infinity
      return top.target
    }
    return undefined
  }

  next(): number {
    for (let top = this.queue.peek(); top; top = this.queue.peek()) {
      if (!top.target.removed && top.target.dueAt === top.at) return top.at
      this.queue.pop()
    }
    return Infinity
  }

  private compactIfStale(): void {
    const current: Deadline<T>[] = []
    for (const target of this.targets())
      if (!target.removed && Number.isFinite(target.dueAt))
        current.push({ at: target.dueAt, target })
    if (this.queue.size > 4 * current.length) this.queue.rebuild(current)
    this.checkAt = Math.max(1024, 2 * this.queue.size, 4 * current.length)
  }
}
