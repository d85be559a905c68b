/**
 * The world's only source of chance. A seeded generator (mulberry32) makes the same seed give the same world:
 * tasks, statuses, job ids, process keys and log lines. Tokens are not drawn from it, they are real UUIDs.
 */

export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number
  /** Integer in [min, max]. */
  int(min: number, max: number): number
  chance(probability: number): boolean
  pick<T>(items: readonly T[]): T
  /** A version-4-shaped UUID made of seeded bits. */
  uuid(): string
  /** `length` lowercase hex digits (Flink job ids are 32). */
  hex(length: number): string
}

/** Creates the generator; why seeded: tests and the demo must see the same world twice. */
export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const hex = (length: number): string => {
    let out = ''
    while (out.length < length) out += Math.floor(next() * 16).toString(16)
    return out
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)],
    hex,
    uuid: () => {
      const h = hex(32)
      const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
    }
  }
}
