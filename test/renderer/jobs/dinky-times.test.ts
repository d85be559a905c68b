import { describe, expect, it } from 'vitest'
import { formatDinkyTime, parseDinkyTime } from '../../../src/renderer/src/format/units'
import { compareTimes } from '../../../src/renderer/src/features/jobs/job-filters'

describe('Dinky times in the viewer', () => {
  it('reads the server offset the core attaches, so the instant is right in any zone', () => {
    expect(parseDinkyTime('2024-08-27T10:15:30+08:00')).toBe(Date.UTC(2024, 7, 27, 2, 15, 30))
    expect(parseDinkyTime(null)).toBeNull()
    expect(parseDinkyTime('yesterday')).toBeNull()
  })

  it('shows times in local wall-clock form and keeps unreadable text as it came', () => {
    const ms = Date.UTC(2024, 7, 27, 2, 15, 30)
    const local = new Date(ms)
    const pad = (n: number) => String(n).padStart(2, '0')
    expect(formatDinkyTime('2024-08-27T10:15:30+08:00')).toBe(
      `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())} ` +
        `${pad(local.getHours())}:${pad(local.getMinutes())}:${pad(local.getSeconds())}`
    )
    expect(formatDinkyTime(null)).toBe('—')
    expect(formatDinkyTime('soon')).toBe('soon')
  })

  it('sorts by instant, not by text, across offsets', () => {
    const earlierInstant = '2024-08-27T10:00:00+08:00' // 02:00 UTC
    const laterInstant = '2024-08-27T03:00:00+00:00' // 03:00 UTC, smaller text
    expect(compareTimes(earlierInstant, laterInstant)).toBeLessThan(0)
  })
})
