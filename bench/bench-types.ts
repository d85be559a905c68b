/** What every benchmark returns to the runner: its figures (each beside its baseline) and what they mean. */

export type Figure = number | string | boolean | null

export interface BenchResult {
  name: string
  /** The keys the issue asks for, plus context (sizes, durations, targets). */
  figures: Record<string, Figure>
  /** Targets and whether they were met, in words. */
  verdicts: string[]
  /** How it was measured, in one or two sentences (printed and stored). */
  method: string
}

export interface BenchOptions {
  /** Shorter durations and fewer runs: a smoke run. */
  quick: boolean
  /** Progress lines go here (stderr in the runner, nowhere in tests). */
  log: (line: string) => void
  /**
   * `--profile`: the browser benches also record a renderer CPU profile of what they measure and write it to this
   * folder (`<bench>.cpuprofile`, opens in Chrome DevTools' Performance panel), to find what a long task was.
   */
  profileDir?: string
}

/** Rounds to `digits` decimals, for readable JSON. */
export function round(value: number, digits = 1): number {
  const scale = 10 ** digits
  return Math.round(value * scale) / scale
}

/** The p-th percentile (0–100) of a list, nearest-rank; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]
}

export const median = (values: readonly number[]) => percentile(values, 50)
