/**
 * Start and quit of the main process, decided without Electron. A start-up failure is logged, shown to the person
 * (a packaged app has no terminal) and ends the app cleanly; a quit asked for while the app is still starting waits
 * for the start to finish and then disposes, so the cache is flushed either way.
 */
import type { Disposer, Logger } from '../core/ports'

export interface MainLifecycleDeps {
  /** Starts everything; resolves with the disposer that undoes it. */
  start(): Promise<Disposer>
  logger: Logger
  /** A modal error the person sees (Electron's dialog.showErrorBox). */
  showError(title: string, text: string): void
  quit(): void
}

export interface MainLifecycle {
  start(): Promise<void>
  /** From `before-quit`: true when the quit must wait (call event.preventDefault()); it quits again when done. */
  beforeQuit(): boolean
}

export function createMainLifecycle(deps: MainLifecycleDeps): MainLifecycle {
  let running: Promise<Disposer | null> | null = null
  let disposing = false

  return {
    start() {
      running = deps.start().catch((error: unknown) => {
        const why = error instanceof Error ? (error.stack ?? error.message) : String(error)
        deps.logger.error('start-up failed', { why })
        deps.showError(
          'Dinky Console could not start',
          `${error instanceof Error ? error.message : String(error)}\n\nThe log folder has the details.`
        )
        deps.quit()
        return null
      })
      return running.then(() => undefined)
    },
    beforeQuit() {
      if (!running || disposing) return false
      disposing = true
      void running
        .then((dispose) => dispose?.())
        .catch((error: unknown) => deps.logger.error('shutdown failed', { why: String(error) }))
        .finally(() => deps.quit())
      return true
    }
  }
}
