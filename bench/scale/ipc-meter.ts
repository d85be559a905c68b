/**
 * Counts what crosses from main to the renderer in the `scale` benchmark: every push (webContents.send) and every
 * answer to the renderer's invokes, in structured-clone bytes (`v8.serialize`, the format Electron's IPC carries),
 * per channel; and when a job push naming a server first arrived after the benchmark armed that server.
 */
import { serialize } from 'node:v8'

/** Pushes that are not poll results: the server JVM's own stream (every 10 s in Dinky 1.1), counted apart. */
export const NOT_POLLED = new Set(['jvm:sample'])

export class IpcMeter {
  private bytes = new Map<string, number>()
  private armed = new Map<string, number[]>()

  /** The harness hook (`rendererIpcMeter`): one message on its way to the page. */
  readonly hook = (kind: 'push' | 'answer', channel: string, payload: unknown): void => {
    const key = `${kind} ${channel}`
    this.bytes.set(key, (this.bytes.get(key) ?? 0) + serialize(payload).byteLength)
    if (kind !== 'push' || !channel.startsWith('jobs:') || this.armed.size === 0) return
    const at = performance.timeOrigin + performance.now()
    for (const id of profileIdsOf(payload)) this.armed.get(id)?.push(at)
  }

  reset(): void {
    this.bytes.clear()
  }

  /** Bytes since the last reset, per `push <channel>` / `answer <channel>`. */
  byChannel(): Record<string, number> {
    return Object.fromEntries([...this.bytes].sort((a, b) => b[1] - a[1]))
  }

  /** Bytes since the last reset on every channel but the unpolled ones. */
  polledBytes(): number {
    let sum = 0
    for (const [key, bytes] of this.bytes) if (!NOT_POLLED.has(key.split(' ')[1])) sum += bytes
    return sum
  }

  /** Watches for job pushes naming `profileId`. */
  arm(profileId: string): void {
    this.armed.set(profileId, [])
  }

  /**
   * Epoch ms (high resolution) at which the last job push naming `profileId` left main for the page, of those sent
   * before `before` (default: any); null if none came since `arm`.
   */
  arrival(profileId: string, before = Number.POSITIVE_INFINITY): number | null {
    const sent = (this.armed.get(profileId) ?? []).filter((at) => at <= before)
    return sent.length > 0 ? sent[sent.length - 1] : null
  }

  disarm(): void {
    this.armed.clear()
  }
}

/** The profile ids a push message's items name (`{ seq, items: [{ profileId, … }] }`). */
function profileIdsOf(payload: unknown): string[] {
  const ids: string[] = []
  for (const message of Array.isArray(payload) ? payload : [payload]) {
    const items = (message as { items?: unknown } | null)?.items
    if (!Array.isArray(items)) continue
    for (const item of items) {
      const id = (item as { profileId?: unknown } | null)?.profileId
      if (typeof id === 'string' && !ids.includes(id)) ids.push(id)
    }
  }
  return ids
}
