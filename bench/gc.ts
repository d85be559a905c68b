/** A full garbage collection on demand, without starting node with --expose-gc (tsx runs the benchmark). */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/** Heap in use after two full collections, in MB: what is really retained. */
export async function retainedHeapMb(): Promise<number> {
  for (let i = 0; i < 2; i++) {
    gc()
    await new Promise((resolve) => setImmediate(resolve))
  }
  return process.memoryUsage().heapUsed / (1024 * 1024)
}
