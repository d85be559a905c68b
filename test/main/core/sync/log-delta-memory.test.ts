import { describe, expect, it } from 'vitest'
import { silentLogger } from '../../../../src/main/core/logger'
import { ConsoleLogFollower } from '../../../../src/main/core/sync/console-log-follower'
import { ownSizeOf, usedHeapAfterGc } from './retained-heap'

const entity = (key: string, log: string) => ({ key, log, status: 'RUNNING', endTime: null })

/** Dinky's PROCESS_CONSOLE as received: every event carries the whole log so far, a fresh string each time. */
function* growingLogEvents(lines: number) {
  let log = ''
  for (let i = 0; i < lines; i++) {
    log += `2024-08-27 10:15:${String(i % 60).padStart(2, '0')}.123 INFO org.dinky.job.JobManager - step ${i}\n`
    yield JSON.parse(JSON.stringify(log)) as string
  }
}

describe('console-log deltas and memory', () => {
  it('retains about what the delivered lines themselves weigh, not one whole log per line', async () => {
    const follower = new ConsoleLogFollower({ logger: silentLogger })
    const kept: string[] = []
    const before = await usedHeapAfterGc()
    for (const log of growingLogEvents(2_000)) {
      for (const chunk of follower.accept('FlinkSubmit/1', entity('run-1', log)))
        kept.push(...chunk.lines)
    }
    const retained = (await usedHeapAfterGc()) - before
    expect(kept).toHaveLength(2_000)
    expect(kept[1_999]).toMatch(/ step 1999$/)
    // Lines that pinned their event's log would hold ~170 MB here; owned ones weigh ~0.4 MB.
    expect(retained).toBeLessThan(4 * ownSizeOf(kept) + 4_000_000)
  })

  it('keeps only probes of the last log per process, not the log itself', async () => {
    const follower = new ConsoleLogFollower({ logger: silentLogger })
    const before = await usedHeapAfterGc()
    for (let p = 0; p < 100; p++) {
      // A long log whose last line is still being written: the cursor holds that line back.
      const log = `${p}`.padEnd(1_000_000, '.') + '\nheld back, no separator yet'
      follower.accept(`FlinkSubmit/${p}`, entity(`run-${p}`, log))
    }
    const retained = (await usedHeapAfterGc()) - before
    expect(follower.isRunning('FlinkSubmit/99')).toBe(true)
    // 100 pinned logs would be 100 MB.
    expect(retained).toBeLessThan(8_000_000)
  })
})
