/**
 * A fixed-capacity ring buffer: the newest items win and memory stays flat once it is full, whatever the rate or
 * the uptime. Used for log tails, JVM samples, state history and heartbeat intervals.
 */
export class RingBuffer<T> {
  private readonly items: T[] = []
  private start = 0

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be >= 1')
  }

  get size(): number {
    return this.items.length
  }

  push(item: T): void {
    if (this.items.length < this.capacity) {
      this.items.push(item)
      return
    }
    this.items[this.start] = item
    this.start = (this.start + 1) % this.capacity
  }

  pushAll(items: readonly T[]): void {
    // Only the last `capacity` items can survive; skipping the rest keeps a huge batch cheap.
    const from = Math.max(0, items.length - this.capacity)
    for (let i = from; i < items.length; i++) this.push(items[i])
  }

  /** Oldest first. */
  toArray(): T[] {
    return [...this.items.slice(this.start), ...this.items.slice(0, this.start)]
  }

  last(): T | undefined {
    if (this.items.length === 0) return undefined
    return this.items[(this.start + this.items.length - 1) % this.items.length]
  }

  clear(): void {
    this.items.length = 0
    this.start = 0
  }
}
