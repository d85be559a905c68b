/**
 * `memory`: retained heap after full collections at 100k and at 1M console lines, in main (Session + batcher, over
 * loopback from the simulator) and in the renderer (store + Logs view, in Chromium). Plus one probe of what a
 * retained line costs when every event carries one line, as Dinky sends them.
 */
import { round, type BenchOptions, type BenchResult } from './bench-types'
import { measureRendererMemory } from './app/render'
import { LINES_PER_EVENT, RUN_LINES, measureMainMemory } from './main-memory'

/** Within 10 %, or within 1 MB for figures too small for a percentage to mean anything. */
function flat(small: number, large: number): boolean {
  return Math.abs(large - small) <= Math.max(0.1 * Math.abs(small), 1)
}

export async function runMemory(options: BenchOptions, template: string): Promise<BenchResult> {
  const [small, large] = options.quick ? [10_000, 100_000] : [100_000, 1_000_000]
  const probeLines = options.quick ? 500 : 2_000
  const main = await measureMainMemory([small, large], options.log)
  options.log(`memory: main, ${probeLines} lines at one line per event`)
  const pinned = await measureMainMemory([probeLines], options.log, {
    runLines: probeLines,
    linesPerEvent: 1
  })
  options.log('memory: renderer')
  const renderer = await measureRendererMemory(template, [small, large])
  const [mainSmall, mainLarge] = main.retainedMb
  const [rendererSmall, rendererLarge] = renderer.heapMb.map((mb) =>
    round(mb - renderer.baselineMb)
  )
  // In quick mode the renderer's 100,000-line ring is not full at the small count: no verdict then.
  const verdict = (side: string, a: number, b: number) =>
    `${side}: ${b} MB at ${large} lines vs ${a} MB at ${small} (flat within 10 % or 1 MB of GC noise: ` +
    `${options.quick ? 'not judged in --quick' : flat(a, b) ? 'met' : 'MISSED'})`
  return {
    name: 'memory',
    figures: {
      main_mb_100k: mainSmall,
      main_mb_1m: mainLarge,
      renderer_mb_100k: rendererSmall,
      renderer_mb_1m: rendererLarge,
      lines_small: small,
      lines_large: large,
      main_baseline_heap_mb: main.baselineMb,
      renderer_baseline_heap_mb: renderer.baselineMb,
      main_ratio_1m_over_100k: round(mainLarge / mainSmall, 2),
      renderer_ratio_1m_over_100k: round(rendererLarge / rendererSmall, 2),
      main_mb_after_single_line_events: pinned.retainedMb[0],
      single_line_events: probeLines
    },
    verdicts: [
      verdict('main', mainSmall, mainLarge),
      verdict('renderer', rendererSmall, rendererLarge)
    ],
    method:
      `Main: retained heap above the pre-start heap (two full GCs); runs of ${RUN_LINES} lines (longer than the ` +
      `5,000-line tail) at ${LINES_PER_EVENT} lines per event to keep the whole-log traffic affordable. ` +
      `Probe: ${probeLines} events of one line each. Renderer: CDP HeapProfiler.collectGarbage then ` +
      'Runtime.getHeapUsage above the heap before the first line, lines flooded in 5,000-line batches (ring capacity 100,000).'
  }
}
