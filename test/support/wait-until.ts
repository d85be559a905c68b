/**
 * Waiting for the event a test needs instead of for a fixed span of wall-clock time. A test that sleeps N ms and then
 * asserts fails whenever the machine is busy enough that the simulated event has not happened yet; a test that waits
 * for the state itself only fails when the state never comes. The deadline is therefore generous: it exists to turn
 * a stuck test into a readable failure (what was awaited, the last state seen), never to measure anything.
 */

/** Loopback servers, child processes and a busy two-core machine: long enough that only a stuck test reaches it. */
export const STUCK_MS = 30_000

export interface WaitOptions {
  /** How long before the wait is declared stuck; timing under test belongs in recorded timestamps, not here. */
  timeoutMs?: number
  /** Describes the last state seen, for the failure message. */
  state?: () => string
}

/**
 * Polls `check` every 10 ms until it returns something truthy (a non-zero count, an object) and resolves with it.
 * The caller resumes in the same task as the check that succeeded, so what it asserts next is what `check` saw.
 */
export async function waitUntil<T>(
  what: string,
  check: () => T | undefined | null | false | 0 | '',
  options: WaitOptions = {}
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? STUCK_MS)
  for (;;) {
    const value = check()
    if (value) return value
    if (Date.now() > deadline) {
      const state = options.state ? `; last seen: ${options.state()}` : ''
      throw new Error(`timed out waiting for ${what}${state}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/**
 * Resolves once `count()` has grown by `by` past its value now: "the next poll/record/heartbeat has happened". A
 * negative assertion ("X did not happen") is ordered against such a later event rather than against a sleep.
 */
export async function waitForMore(
  what: string,
  count: () => number,
  by = 1,
  options: WaitOptions = {}
): Promise<number> {
  const start = count()
  return waitUntil(what, () => count() >= start + by && count(), {
    state: () => `${count() - start} of ${by} more`,
    ...options
  })
}
