/**
 * Ending the app process the way Electron ends: resources the stand-in opened are released, the test process is
 * told the exit code, then the process exits. Other modules register their cleanups here.
 */
import { notifyTest, closeTestLink } from './test-link'

const cleanups: Array<() => void | Promise<void>> = []
let exiting = false

export function onProcessExit(cleanup: () => void | Promise<void>): void {
  cleanups.push(cleanup)
}

/** Runs the cleanups in reverse order, tells the test process, and exits. Idempotent. */
export async function exitProcess(code: number): Promise<void> {
  if (exiting) return
  exiting = true
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined)
  // The notice must leave before the process goes: wait until it is on the channel.
  await notifyTest({ kind: 'exiting', code })
  closeTestLink()
  process.exit(code)
}
