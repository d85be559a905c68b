/** Electron's IPC carries structured clones; these checks reject what it would reject, with its messages. */
import { serialize } from 'node:v8'

export function isCloneable(value: unknown): boolean {
  try {
    serialize(value)
    return true
  } catch {
    return false
  }
}

/** `webContents.send` throws this when an argument cannot be serialized. */
export function assertSendable(args: unknown[]): void {
  if (!isCloneable(args)) throw new Error('Failed to serialize arguments')
}
