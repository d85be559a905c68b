import { describe, expect, it } from 'vitest'
import { normalizeSseData } from '../../../../src/main/core/stream/normalize-message'
import { ownSizeOf, usedHeapAfterGc } from '../sync/retained-heap'

/** A PROCESS_CONSOLE `data:` payload whose log is about 1 MB, as the SSE parser hands it over (a slice of a chunk). */
function bigFrame(i: number): string {
  const data = JSON.stringify({
    sessionKey: 's',
    topic: `/TOPIC/PROCESS_CONSOLE/FlinkSubmit/${i}`,
    data: { key: `run-key-${i}-0123456789abcdef`, log: `${i}\n`.padEnd(1_000_000, 'x') }
  })
  return `data:${data}\n\n`.slice(5, 5 + data.length)
}

describe('normalizeSseData and memory', () => {
  it('keeps no view into the raw frame in the fields a consumer holds on to', async () => {
    const kept: string[] = []
    const before = await usedHeapAfterGc()
    for (let i = 0; i < 100; i++) {
      const result = normalizeSseData(bigFrame(i))
      if (!result.ok || result.messages[0].topic !== 'PROCESS_CONSOLE') throw new Error('not read')
      const { param, data } = result.messages[0]
      kept.push(param, data.key, data.status)
    }
    const retained = (await usedHeapAfterGc()) - before
    expect(kept.slice(-3)).toEqual(['FlinkSubmit/99', 'run-key-99-0123456789abcdef', 'UNKNOWN'])
    // 100 pinned frames would be 100 MB.
    expect(retained).toBeLessThan(4 * ownSizeOf(kept) + 4_000_000)
  })
})
