/**
 * Heap measurements for the memory tests: a full collection on demand in a worker started without `--expose-gc`
 * (the flag set at run time, `gc` taken from a fresh context), then the V8 heap in use.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/** Bytes of heap still in use after full collections: what the test's live objects really hold. */
export async function usedHeapAfterGc(): Promise<number> {
  for (let i = 0; i < 2; i++) {
    gc()
    await new Promise((resolve) => setImmediate(resolve))
  }
  return getHeapStatistics().used_heap_size
}

/** What strings would cost if each owned only its own characters (two bytes each at worst, plus a header). */
export function ownSizeOf(strings: readonly string[]): number {
  let bytes = 0
  for (const text of strings) bytes += 2 * text.length + 32
  return bytes
}
