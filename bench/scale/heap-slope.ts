/** The trend of heap samples over a churn window: a least-squares line through (polls, MB). */

/** MB per poll by least squares; 0 with fewer than two distinct poll counts. */
export function slopePerPoll(points: ReadonlyArray<{ polls: number; mb: number }>): number {
  const n = points.length
  if (n < 2) return 0
  const meanX = points.reduce((sum, p) => sum + p.polls, 0) / n
  const meanY = points.reduce((sum, p) => sum + p.mb, 0) / n
  let num = 0
  let den = 0
  for (const p of points) {
    num += (p.polls - meanX) * (p.mb - meanY)
    den += (p.polls - meanX) ** 2
  }
  return den === 0 ? 0 : num / den
}

/**
 * Flat enough: the line's growth over the window is within 10 % of the first sample or 2 MB (one full collection
 * does not leave the heap at exactly the same size twice).
 */
export function isFlat(growthMb: number, startMb: number): boolean {
  return growthMb <= Math.max(2, 0.1 * startMb)
}
