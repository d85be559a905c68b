/**
 * Heap measurements for the memory tests: the heap still in use after full collections (bench/gc.ts: a worker started
 * without `--expose-gc` sets the flag at run time), against what the kept strings should cost.
 */
import { retainedHeapBytes } from '../../../../bench/gc'

/** Bytes of heap still in use after full collections: what the test's live objects really hold. */
export const usedHeapAfterGc = retainedHeapBytes

/** What strings would cost if each owned only its own characters (two bytes each at worst, plus a header). */
export function ownSizeOf(strings: readonly string[]): number {
  let bytes = 0
  for (const text of strings) bytes += 2 * text.length + 32
  return bytes
}
