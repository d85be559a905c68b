import { describe, expect, it } from 'vitest'
import { createBackoffPolicy } from '../../../../src/main/core/connection/backoff'

describe('createBackoffPolicy', () => {
  it('grows the ceiling by the factor from the base and caps it', () => {
    const policy = createBackoffPolicy({ baseMs: 1_000, factor: 2, maxMs: 60_000 })
    expect([1, 2, 3, 4, 7, 8, 50].map(policy.ceiling)).toEqual([
      1_000, 2_000, 4_000, 8_000, 60_000, 60_000, 60_000
    ])
  })

  it("takes the server's retry: as a floor only up to the cap, and never beyond a timer's limit", () => {
    const policy = createBackoffPolicy({ baseMs: 1_000, maxMs: 60_000 }, () => 0)
    expect(policy.delay(1, 5_000)).toBe(5_000)
    expect(policy.delay(1, 999_999_999_999)).toBe(60_000)
    expect(policy.delay(1, Number.POSITIVE_INFINITY)).toBe(0)
    const huge = createBackoffPolicy({ baseMs: 1_000, maxMs: 2 ** 40 }, () => 1)
    expect(huge.delay(60, 2 ** 40)).toBe(2 ** 31 - 1)
  })

  it("bounds the retry: floor the quiet reconnect after an idle cut waits out, as it bounds the backoff's", () => {
    const policy = createBackoffPolicy({ maxMs: 250 })
    expect(policy.floor(1_000)).toBe(250)
    expect(policy.floor(999_999_999_999)).toBe(250)
    expect(policy.floor(-5)).toBe(0)
    expect(policy.floor(Number.NaN)).toBe(0)
    expect(createBackoffPolicy({ maxMs: 2 ** 40 }).floor(2 ** 40)).toBe(2 ** 31 - 1)
    expect(createBackoffPolicy().floor(1_000)).toBe(1_000)
  })

  it('draws a full-jitter delay between zero and the ceiling', () => {
    const draws = [0, 0.5, 0.999]
    const policy = createBackoffPolicy({}, () => draws.shift()!)
    expect(policy.delay(3)).toBe(0)
    expect(policy.delay(3)).toBe(2_000)
    expect(policy.delay(3)).toBe(3_996)
  })

  it('stays within bounds for any attempt and random value', () => {
    let seed = 7
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    const policy = createBackoffPolicy({ baseMs: 100, factor: 3, maxMs: 5_000 }, random)
    const delays = Array.from({ length: 500 }, (_, i) => policy.delay((i % 40) + 1))
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...delays)).toBeLessThanOrEqual(5_000)
    expect(new Set(delays).size).toBeGreaterThan(400)
  })

  it('never goes below the server retry floor', () => {
    const policy = createBackoffPolicy({}, () => 0)
    expect(policy.delay(1, 1_000)).toBe(1_000)
    expect(createBackoffPolicy({}, () => 1).delay(1, 300)).toBe(1_000)
  })

  it('clamps a random source that strays outside [0, 1]', () => {
    expect(createBackoffPolicy({}, () => 7).delay(1)).toBe(1_000)
    expect(createBackoffPolicy({}, () => -1).delay(1)).toBe(0)
  })
})
