/**
 * Every timer the simulator starts goes through here, so `control.stats()` can count them and `close()` can clear
 * them all: a simulator left behind by a test must not keep Node alive.
 */

type Handle = ReturnType<typeof setTimeout>

export class TimerRegistry {
  private readonly active = new Set<Handle>()

  /** A one-shot timer that forgets itself when it fires. */
  timeout(callback: () => void, ms: number): Handle {
    const handle = setTimeout(() => {
      this.active.delete(handle)
      callback()
    }, ms)
    this.active.add(handle)
    return handle
  }

  /** A repeating timer with a fixed delay between runs (Spring's `PeriodicTrigger`, not a fixed rate). */
  repeat(callback: () => void, ms: number): () => void {
    let handle: Handle | undefined
    let stopped = false
    const schedule = (): void => {
      handle = this.timeout(() => {
        if (stopped) return
        callback()
        if (!stopped) schedule()
      }, ms)
    }
    schedule()
    return () => {
      stopped = true
      if (handle) this.clear(handle)
    }
  }

  clear(handle: Handle): void {
    clearTimeout(handle)
    this.active.delete(handle)
  }

  count(): number {
    return this.active.size
  }

  clearAll(): void {
    for (const handle of this.active) clearTimeout(handle)
    this.active.clear()
  }
}
