import { describe, expect, it } from 'vitest'
import { ownedString } from '../../../../src/main/core/sync/owned-string'
import { ownSizeOf, usedHeapAfterGc } from './retained-heap'

const LINE =
  '2024-08-27 10:15:30.123 INFO org.dinky.job.JobManager - Submitting the statement set of the job'

/** 200 distinct parents of ~1 MB each; one line cut from each is kept through `keep`. */
async function retainedByLinesCut(keep: (line: string) => string) {
  const kept: string[] = []
  const before = await usedHeapAfterGc()
  for (let i = 0; i < 200; i++) {
    const parent = `${i}:`.padEnd(1_000_000, '.') + `\n${LINE} ${i}\n`
    const start = parent.indexOf('\n') + 1
    kept.push(keep(parent.slice(start, parent.length - 1)))
  }
  const retained = (await usedHeapAfterGc()) - before
  return { kept, retained }
}

describe('ownedString', () => {
  it('returns the same characters, lone surrogates and all', () => {
    for (const text of [
      '',
      'a',
      'short line',
      LINE,
      'ü€😀 two-byte',
      '\ud800 lone',
      'x'.repeat(20_000)
    ]) {
      expect(ownedString(text)).toBe(text)
    }
  })

  it('keeps a cut line alive without the string it was cut from', async () => {
    const { kept, retained } = await retainedByLinesCut(ownedString)
    expect(kept[199]).toBe(`${LINE} 199`)
    // Pinned parents would be 200 × 1 MB; owned lines are ~50 kB (the slack covers one stray parent and GC noise).
    expect(retained).toBeLessThan(4 * ownSizeOf(kept) + 4_000_000)
  })

  it('control: a plain slice does pin its parent, so the measurement above can fail', async () => {
    const { kept, retained } = await retainedByLinesCut((line) => line)
    expect(kept).toHaveLength(200)
    expect(retained).toBeGreaterThan(100_000_000)
  })
})
