/**
 * One process's console-log tail on disk, kept out of the JSON store (which is rewritten whole on every change).
 *
 * Format, one record per line: a header `{"v":1,"process":…,"run":…}` then one JSON string per console line.
 * JSON escapes newlines, so a record is complete exactly when its `\n` is there: a kill during an append leaves a
 * torn last record, which reading drops. Appends are cheap; when the file holds more than 2×N lines, or a new run
 * starts, it is rewritten with the last N lines through a temporary file and a rename.
 */
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { appendAll } from '../../../shared/array-bounds'
import type { LogTail } from '../../../shared/session'
import type { LogFileWriter } from './log-file-writer'

const LOG_FORMAT_VERSION = 1
const headerSchema = z.object({
  v: z.literal(LOG_FORMAT_VERSION),
  process: z.string(),
  run: z.string()
})

export interface ParsedLogTail {
  process: string
  run: string
  lines: string[]
  /** True when a torn last record was dropped: the next write must rewrite before it appends. */
  torn: boolean
}

/** Parses a log-tail file; throws on anything but a valid file with at most a torn last record. */
export function parseLogTail(text: string): ParsedLogTail {
  const records = text.split('\n')
  const torn = records.pop() !== ''
  const headerText = records.shift()
  if (headerText === undefined) throw new Error('log tail has no complete header')
  const header = headerSchema.parse(JSON.parse(headerText))
  const lines = records.map((record, index) => {
    const line: unknown = JSON.parse(record)
    if (typeof line !== 'string') throw new Error(`log tail record ${index + 1} is not a string`)
    return line
  })
  return { process: header.process, run: header.run, lines, torn }
}

const encodeHeader = (process: string, run: string) =>
  JSON.stringify({ v: LOG_FORMAT_VERSION, process, run }) + '\n'
const encodeLines = (lines: readonly string[]) =>
  lines.map((l) => JSON.stringify(l) + '\n').join('')

export class LogTailFile {
  private pending: string[] = []
  private needsRewrite: boolean
  private recordsOnDisk: number

  private constructor(
    readonly path: string,
    readonly process: string,
    private run: string,
    private lines: string[],
    onDisk: { records: number; needsRewrite: boolean },
    private readonly maxLines: () => number
  ) {
    this.recordsOnDisk = onDisk.records
    this.needsRewrite = onDisk.needsRewrite
  }

  /** Reads an existing file synchronously (start-up, cache first). Throws when the file is bad. */
  static load(path: string, maxLines: () => number): LogTailFile {
    const parsed = parseLogTail(readFileSync(path, 'utf8'))
    const onDisk = { records: parsed.lines.length, needsRewrite: parsed.torn }
    const kept = parsed.lines.slice(-maxLines())
    return new LogTailFile(path, parsed.process, parsed.run, kept, onDisk, maxLines)
  }

  static create(path: string, process: string, run: string, maxLines: () => number): LogTailFile {
    return new LogTailFile(path, process, run, [], { records: 0, needsRewrite: true }, maxLines)
  }

  tail(): LogTail {
    return {
      process: this.process,
      run: this.run,
      lines: this.lines.slice(-this.maxLines()),
      stale: true
    }
  }

  get dirty(): boolean {
    return this.needsRewrite || this.pending.length > 0
  }

  /** Adds lines of `run`; a different run replaces the tail. Memory stays below 2×N lines. */
  append(run: string, lines: readonly string[]): void {
    const max = this.maxLines()
    if (run !== this.run) {
      this.run = run
      this.lines = []
      this.pending = []
      this.needsRewrite = true
    }
    // One event may carry a million lines: only its last N can be kept, so only they are copied.
    appendAll(this.lines, lines.length > max ? lines.slice(-max) : lines)
    if (this.lines.length >= 2 * max) this.lines = this.lines.slice(-max)
    if (this.needsRewrite) return
    // More new lines than we keep: a rewrite of the last N is smaller than the append.
    if (this.pending.length + lines.length > max) {
      this.pending = []
      this.needsRewrite = true
      return
    }
    appendAll(this.pending, lines)
  }

  /** Writes what is pending: an append, or a whole rewrite (new run, torn tail, file past 2×N lines). */
  async write(writer: LogFileWriter): Promise<number> {
    const max = this.maxLines()
    const rewrite = this.needsRewrite || this.recordsOnDisk + this.pending.length > 2 * max
    const pending = this.pending
    this.pending = []
    this.needsRewrite = false
    try {
      if (rewrite) {
        const kept = this.lines.slice(-max)
        await writer.replace(this.path, encodeHeader(this.process, this.run) + encodeLines(kept))
        this.recordsOnDisk = kept.length
        return 1
      }
      if (pending.length === 0) return 0
      await writer.append(this.path, encodeLines(pending))
      this.recordsOnDisk += pending.length
      return 1
    } catch (error) {
      // Memory still holds the tail; the next write replaces the file whole.
      this.needsRewrite = true
      throw error
    }
  }
}
