import { describe, expect, it } from 'vitest'
import { whenChanged } from '../../../src/main/ipc/when-changed'

describe('whenChanged', () => {
  it('passes the first value and every change, not a repeat of the same data in new objects', () => {
    const passed: unknown[] = []
    const offer = whenChanged<Array<{ key: string; state: string }>>((value) => passed.push(value))
    expect(offer([{ key: 'a', state: 'firing' }])).toBe(true)
    expect(offer([{ key: 'a', state: 'firing' }])).toBe(false)
    expect(offer([{ key: 'a', state: 'unknown' }])).toBe(true)
    expect(offer([])).toBe(true)
    expect(offer([])).toBe(false)
    expect(passed).toEqual([[{ key: 'a', state: 'firing' }], [{ key: 'a', state: 'unknown' }], []])
  })
})
