/**
 * Waiting for the event a test needs instead of for a fixed span of wall-clock time. A test that sleeps N ms and then
 * asserts fails whenever the machine is busy enough that the simulated event has not happened yet; a test that waits
 * for the state itself only fails when the state never comes. The deadline is therefore generous: it exists to turn
 * a stuck test into a readable failure (what was awaited, the last state seen), never to measure anything.
 */

/** Loopback servers, child processes and a busy two-core machine: long enough that only a stuck test reaches it. */
export const STUCK_MS = 30_000

type Falsy = undefined | null | false | 0 | ''

export interface WaitOptions {
  /** How long before the wait is declared stuck; timing under test belongs in recorded timestamps, not here. */
  timeoutMs?: number
  /** Between checks; default 10 ms. */
  intervalMs?: number
  /** The last state seen, for the failure message (a string, or anything JSON can show). */
  state?: () => unknown
}

/**
 * Polls `check` until it answers something truthy (a non-zero count, an object) and resolves with it. A synchronous
 * check lets the caller resume in the same task as the check that succeeded, so what it asserts next is what `check`
 * saw; an async check (an HTTP probe, a file read) is awaited the same way.
 */
export async function waitUntil<T>(
  what: string,
  check: () => T | Falsy | Promise<T | Falsy>,
  options: WaitOptions = {}
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? STUCK_MS
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) {
      const state = options.state ? `; last seen: ${show(await options.state())}` : ''
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${state}`)
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 10))
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

function show(state: unknown): string {
  if (typeof state === 'string') return state.slice(0, 500)
  try {
    return (JSON.stringify(state) ?? String(state)).slice(0, 500)
  } catch {
    return String(state)
  }
}
