/**
 * The bounded in-memory console tails of the followed processes: the last `logTailLines` lines of each process's
 * current run. A new run replaces the old one's lines, as it does on Dinky's own console.
 */
import type { LogChunk } from '../../../shared/models'
import type { LogTail } from '../../../shared/session'
import { RingBuffer } from './ring-buffer'

interface Tail {
  run: string
  lines: RingBuffer<string>
  stale: boolean
}

export class LogTails {
  private readonly tails = new Map<string, Tail>()

  constructor(private readonly maxLines: number) {}

  /** Adds a chunk; a chunk of another run starts the process afresh. */
  append(chunk: LogChunk): void {
    let tail = this.tails.get(chunk.process)
    if (!tail || tail.run !== chunk.run) {
      tail = { run: chunk.run, lines: new RingBuffer(this.maxLines), stale: chunk.stale }
      this.tails.set(chunk.process, tail)
    }
    tail.stale = chunk.stale
    tail.lines.pushAll(chunk.lines)
  }

  get(process: string): LogTail | undefined {
    const tail = this.tails.get(process)
    if (!tail) return undefined
    return { process, run: tail.run, lines: tail.lines.toArray(), stale: tail.stale }
  }

  all(): LogTail[] {
    return [...this.tails.keys()].map((process) => this.get(process) as LogTail)
  }

  remove(process: string): void {
    this.tails.delete(process)
  }
}
