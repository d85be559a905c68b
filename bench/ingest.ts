/**
 * `ingest`: PROCESS_CONSOLE events over loopback as fast as the consumer drains them, one line per event, through
 * our whole core pipeline, against eventsource-parser on the raw bytes and against the bare eventsource package.
 * The simulator runs in its own process; the log resets every `runLines` lines (a new run), so every consumer sees
 * the same event sizes and no event grows without bound.
 */
import { round, type BenchOptions, type BenchResult } from './bench-types'
import { startCorePipeline } from './core-pipeline'
import { forkSimulator, type SimProcess } from './sim/sim-process'
import type { RunsReport } from './sim/sim-protocol'
import { startEventSourceConsumer, startParserConsumer, type EventCounter } from './sse-baselines'

const RUN_LINES = 500

interface Leg {
  eps: number
  events: number
  sim: RunsReport
}

/** What is still in the socket buffers arrives within moments; wait for it so the span is complete. */
async function caughtUp(counter: EventCounter, events: number): Promise<void> {
  const deadline = Date.now() + 5_000
  while (counter.count < events && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

async function measure(
  sim: SimProcess,
  durationMs: number,
  start: () => Promise<{ counter: EventCounter; ready: Promise<void>; close(): Promise<void> }>
): Promise<Leg> {
  const consumer = await start()
  try {
    await consumer.ready
    await sim.primeUntil(() => consumer.counter.count > 0)
    // Warm-up (JIT, socket buffers, the cache's first writes): two runs, not counted.
    const warm = await sim.runs({ runLines: RUN_LINES, linesPerEvent: 1, maxLines: 2 * RUN_LINES })
    await caughtUp(consumer.counter, warm.events)
    consumer.counter.reset()
    const report = await sim.runs({ runLines: RUN_LINES, linesPerEvent: 1, durationMs })
    await caughtUp(consumer.counter, report.events)
    return { eps: consumer.counter.rate(), events: consumer.counter.count, sim: report }
  } finally {
    await consumer.close()
  }
}

/** Runs the three legs one after the other on the same simulator. */
export async function runIngest(options: BenchOptions): Promise<BenchResult> {
  const durationMs = options.quick ? 1_500 : 10_000
  const sim = await forkSimulator()
  try {
    options.log(`ingest: ours for ${durationMs} ms`)
    const ours = await measure(sim, durationMs, async () => {
      const pipeline = await startCorePipeline(sim.url, sim.processName)
      return { counter: pipeline.lines, ready: pipeline.live, close: () => pipeline.stop() }
    })
    options.log(`ingest: eventsource-parser for ${durationMs} ms`)
    const parser = await measure(sim, durationMs, async () => {
      const consumer = await startParserConsumer(sim.url, sim.processName)
      return {
        counter: consumer.counter,
        ready: Promise.resolve(),
        close: async () => consumer.close()
      }
    })
    options.log(`ingest: eventsource for ${durationMs} ms`)
    const eventsource = await measure(sim, durationMs, async () => {
      const consumer = await startEventSourceConsumer(sim.url, sim.processName)
      return {
        counter: consumer.counter,
        ready: Promise.resolve(),
        close: async () => consumer.close()
      }
    })
    const ratio = parser.eps > 0 ? ours.eps / parser.eps : 0
    const simShare = (leg: Leg) => round(leg.sim.cpuMs / leg.sim.elapsedMs, 2)
    return {
      name: 'ingest',
      figures: {
        ours_eps: Math.round(ours.eps),
        parser_eps: Math.round(parser.eps),
        eventsource_eps: Math.round(eventsource.eps),
        ratio_vs_parser: round(ratio, 2),
        ratio_vs_eventsource: round(eventsource.eps > 0 ? ours.eps / eventsource.eps : 0, 2),
        duration_ms: durationMs,
        lines_per_event: 1,
        run_lines: RUN_LINES,
        max_event_log_chars: ours.sim.maxLogChars,
        ours_events: ours.events,
        parser_events: parser.events,
        eventsource_events: eventsource.events,
        sim_cpu_share_ours: simShare(ours),
        sim_cpu_share_parser: simShare(parser),
        sim_cpu_share_eventsource: simShare(eventsource)
      },
      verdicts: [
        `ratio_vs_parser ${round(ratio, 2)} (target >= 0.5): ${ratio >= 0.5 ? 'met' : 'MISSED'}`
      ],
      method:
        `One line per event; the log starts afresh every ${RUN_LINES} lines (a new run), so events carry ` +
        `1..${RUN_LINES} lines (max ${ours.sim.maxLogChars} chars) for all three consumers. The simulator runs ` +
        'in its own process and waits for the socket to drain; sim_cpu_share near 1.0 means the producer, ' +
        'not the consumer, set the pace.'
    }
  } finally {
    await sim.close()
  }
}
