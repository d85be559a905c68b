/** Waiting on the simulated servers' jobs polls: the clock of the `scale` benchmark's windows. */
import type { ScaleServerStats } from './scale-sim-protocol'
import type { ScaleSims } from './scale-sims'

/**
 * Resolves once every server served `polls` more jobs polls than in `from`, or after `capMs`, with the stats then.
 * Why polls and not seconds: a window "worth ten minutes" is 120 polls, however long each poll takes here.
 */
export async function waitForPolls(
  sims: ScaleSims,
  from: readonly ScaleServerStats[],
  polls: number,
  capMs: number
): Promise<ScaleServerStats[]> {
  const deadline = Date.now() + capMs
  for (;;) {
    const now = await sims.stats()
    const done = now.every((server, i) => server.polls - from[i].polls >= polls)
    if (done || Date.now() >= deadline) return now
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Jobs polls served between two stats, summed over the servers. */
export const pollsBetween = (from: readonly ScaleServerStats[], to: readonly ScaleServerStats[]) =>
  to.reduce((sum, server, i) => sum + server.polls - from[i].polls, 0)

/** The fewest polls any one server served between two stats. */
export const fewestPolls = (from: readonly ScaleServerStats[], to: readonly ScaleServerStats[]) =>
  Math.min(...to.map((server, i) => server.polls - from[i].polls))
