/** A full garbage collection on demand, without starting node with --expose-gc (tsx runs the benchmark). */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/** Heap in use after two full collections, in bytes: what is really retained (the memory tests use it too). */
export async function retainedHeapBytes(): Promise<number> {
  for (let i = 0; i < 2; i++) {
    gc()
    await new Promise((resolve) => setImmediate(resolve))
  }
  return process.memoryUsage().heapUsed
}

/** The same in MB, the benchmark's unit. */
export async function retainedHeapMb(): Promise<number> {
  return (await retainedHeapBytes()) / (1024 * 1024)
}
