/**
 * The app process's CPU time and heap, asked by the benchmarks (`scale`): main's idle CPU per server and its heap
 * after full collections over a churn window. Why here and not in the app: the figures need no app code, and a
 * collection on demand needs `--expose-gc`, which the app is not started with (set here, at the first request).
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { ProcessUsage } from '../protocol'

let gc: (() => void) | null = null

/** Two full collections, a turn of the event loop apart, so what is left is what main really holds. */
async function collect(): Promise<void> {
  if (!gc) {
    setFlagsFromString('--expose-gc')
    gc = runInNewContext('gc') as () => void
  }
  for (let i = 0; i < 2; i++) {
    gc()
    await new Promise((resolve) => setImmediate(resolve))
  }
}

export async function processUsage(withGc: boolean): Promise<ProcessUsage> {
  if (withGc) await collect()
  const cpu = process.cpuUsage()
  return {
    userMicros: cpu.user,
    systemMicros: cpu.system,
    heapUsedBytes: process.memoryUsage().heapUsed
  }
}
