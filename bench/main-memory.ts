/**
 * `memory`, main side: console lines through the real Session and the push batcher (the pipeline of `ingest`),
 * with the retained heap measured after full collections at a small and a large line count. Runs are longer than
 * the session's log tail (5,000 lines), so every buffer is full well before the first measurement.
 */
import { round } from './bench-types'
import { startCorePipeline } from './core-pipeline'
import { retainedHeapMb } from './gc'
import { forkSimulator } from './sim/sim-process'

export const RUN_LINES = 6_000
export const LINES_PER_EVENT = 500

export interface MainMemory {
  baselineMb: number
  /** Retained MB above the baseline at each checkpoint, in order. */
  retainedMb: number[]
  lines: number[]
}

async function waitForLines(count: () => number, lines: number): Promise<void> {
  const deadline = Date.now() + 120_000
  while (count() < lines) {
    if (Date.now() > deadline)
      throw new Error(`main memory: only ${count()} of ${lines} lines arrived`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  // Let the batcher's last 50 ms batch and the cache's coalesced write go out.
  await new Promise((resolve) => setTimeout(resolve, 1_200))
}

/** Heap retained by main at each line-count checkpoint, above the heap before the pipeline started. */
export async function measureMainMemory(
  checkpoints: readonly number[],
  log: (line: string) => void,
  shape: { runLines: number; linesPerEvent: number } = {
    runLines: RUN_LINES,
    linesPerEvent: LINES_PER_EVENT
  }
): Promise<MainMemory> {
  const sim = await forkSimulator()
  try {
    const baselineMb = await retainedHeapMb()
    const pipeline = await startCorePipeline(sim.url, sim.processName)
    try {
      await pipeline.live
      await sim.primeUntil(() => pipeline.lines.count > 0)
      await new Promise((resolve) => setTimeout(resolve, 100))
      pipeline.lines.reset()
      const count = () => pipeline.lines.count
      const retainedMb: number[] = []
      const lines: number[] = []
      for (const checkpoint of checkpoints) {
        log(`memory: main, up to ${checkpoint} lines`)
        await sim.runs({ ...shape, maxLines: checkpoint - count() })
        await waitForLines(count, checkpoint)
        retainedMb.push(round((await retainedHeapMb()) - baselineMb))
        lines.push(count())
      }
      return { baselineMb: round(baselineMb), retainedMb, lines }
    } finally {
      await pipeline.stop()
    }
  } finally {
    await sim.close()
  }
}
