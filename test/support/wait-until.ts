/**
 * Waiting for a state instead of for a time: `waitUntil` polls a check until it holds. The deadline is generous on
 * purpose; it only ends a stuck test, and its message says what was awaited and the last state seen, so a failure
 * on a loaded machine can be told from a real bug.
 */

export interface WaitOptions {
  /** What is awaited, for the failure message ("the session to be gone"). */
  what: string
  /** Only fails a stuck test; default 10 s. */
  timeoutMs?: number
  /** Between checks; default 10 ms. */
  intervalMs?: number
  /** The state to show when the deadline passes (default: the check's last answer). */
  state?: () => unknown | Promise<unknown>
}

/** Resolves with the check's first truthy answer; rejects at the deadline with `what` and the last state. */
export async function waitUntil<T>(
  check: () => T | Promise<T>,
  options: WaitOptions
): Promise<NonNullable<T>> {
  const { what, timeoutMs = 10_000, intervalMs = 10 } = options
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const answer = await check()
    if (answer) return answer as NonNullable<T>
    if (Date.now() > deadline) {
      const state = options.state ? await options.state() : answer
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${show(state)}`
      )
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}

function show(state: unknown): string {
  try {
    return (JSON.stringify(state) ?? String(state)).slice(0, 500)
  } catch {
    return String(state)
  }
}
