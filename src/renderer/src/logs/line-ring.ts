/**
 * A bounded ring of log lines with each line's effective level. Lines are numbered from the first ever appended
 * (absolute numbers), so a viewer can keep its place while old lines fall off the front; memory stays flat at
 * `capacity` lines whatever the stream rate.
 */
import { classifyLine, LEVEL_CODE } from './log-level'

export const DEFAULT_LOG_CAPACITY = 100_000

export class LineRing {
  readonly capacity: number
  private readonly lines: string[]
  private readonly levels: Uint8Array
  private head = 0
  private count = 0
  /** Absolute number of the next line to be appended. */
  private next = 0
  private lastLevel: number = LEVEL_CODE.INFO

  constructor(capacity = DEFAULT_LOG_CAPACITY) {
    this.capacity = capacity
    this.lines = new Array<string>(capacity)
    this.levels = new Uint8Array(capacity)
  }

  get size(): number {
    return this.count
  }

  /** Absolute number of the oldest retained line. */
  get first(): number {
    return this.next - this.count
  }

  /** Absolute number one past the newest line. */
  get end(): number {
    return this.next
  }

  append(lines: readonly string[]): void {
    for (const line of lines) {
      const code = classifyLine(line)
      // A continuation line takes the level of the entry it belongs to.
      const level = code === LEVEL_CODE.CONTINUATION ? this.lastLevel : code
      this.lastLevel = level
      const slot = (this.head + this.count) % this.capacity
      this.lines[slot] = line
      this.levels[slot] = level
      if (this.count < this.capacity) this.count += 1
      else this.head = (this.head + 1) % this.capacity
      this.next += 1
    }
  }

  /** The line with absolute number `n`, or undefined once it has fallen off the ring. */
  line(n: number): string | undefined {
    if (n < this.first || n >= this.next) return undefined
    return this.lines[(this.head + (n - this.first)) % this.capacity]
  }

  /** Effective level code of line `n` (0 when not retained). */
  level(n: number): number {
    if (n < this.first || n >= this.next) return 0
    return this.levels[(this.head + (n - this.first)) % this.capacity]
  }

  /** Retained lines oldest first. */
  toArray(): string[] {
    const out = new Array<string>(this.count)
    for (let i = 0; i < this.count; i++) out[i] = this.lines[(this.head + i) % this.capacity]
    return out
  }
}
