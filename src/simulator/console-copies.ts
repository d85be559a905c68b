/**
 * The console copies the push hubs send. Dinky sends each appended line with `CompletableFuture.runAsync(() ->
 * sendTopic(topic, process))` (1.1 `ConsoleContextHolder.appendLog`; 1.2 the same into its WebSocket): the shared
 * `ProcessEntity` is serialized when the pool thread runs, so a client sees repeats, copies caught between a line and
 * its separator (`log.append(str).append(LineSep)` are two calls) and older copies after newer ones
 * (dinky-protocol.md §5.2). By default the simulator sends one faithful copy per line; with the `race` fault on, each
 * line goes out as Dinky's worst interleaving: torn, whole, repeated, the copy of a few lines back, torn again.
 * GUESS: the interleaving itself. Dinky's order depends on its thread pool; this one is fixed so tests can count.
 */

import type { ProcessRecord } from './world/entities'
import type { ProcessConsole } from './world/process-console'

/** How many lines back the stale copy is. */
export const STALE_COPY_LAG = 3

export type CopyListener = (copy: ProcessRecord) => void

interface Snapshot {
  key: string
  logs: string[]
}

export class ConsoleCopies {
  /** The out-of-order fault: off until `setRace(true)`. */
  private race = false
  /** Per process: the last few logs of its current run, newest last (strings are immutable: no copies made). */
  private readonly recent = new Map<string, Snapshot>()

  constructor(private readonly console: ProcessConsole) {}

  setRace(on: boolean): void {
    this.race = on
  }

  get racing(): boolean {
    return this.race
  }

  /** Like `ProcessConsole.onUpdate`, but through the fault; returns the disposer. */
  onCopy(listener: CopyListener): () => void {
    return this.console.onUpdate((process) => {
      if (!this.race) return listener(process)
      for (const copy of this.copiesOf(process)) listener(copy)
    })
  }

  private copiesOf(process: ProcessRecord): ProcessRecord[] {
    let snapshot = this.recent.get(process.name)
    if (!snapshot || snapshot.key !== process.key) {
      snapshot = { key: process.key, logs: [] }
      this.recent.set(process.name, snapshot)
    }
    const previousLogs = snapshot.logs
    const changed = previousLogs[previousLogs.length - 1] !== process.log
    if (changed) {
      previousLogs.push(process.log)
      if (previousLogs.length > STALE_COPY_LAG + 1) previousLogs.shift()
    }
    const withLog = (log: string): ProcessRecord => ({ ...process, log })
    const torn = process.log.endsWith('\n') ? withLog(process.log.replace(/\r?\n$/, '')) : null
    const stale = previousLogs.length > STALE_COPY_LAG ? withLog(previousLogs[0]) : null
    const copies: ProcessRecord[] = []
    if (torn && changed) copies.push(torn)
    copies.push(process, process)
    if (stale) copies.push(stale)
    if (torn) copies.push(torn)
    return copies
  }
}
