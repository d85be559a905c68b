/**
 * Counts what crosses from main to the renderer in the `scale` benchmark: every push (webContents.send) and every
 * answer to the renderer's invokes, in structured-clone bytes (`v8.serialize`, the format Electron's IPC carries),
 * per channel; and when a job push naming a server first arrived after the benchmark armed that server.
 *
 * A job's first health reading is new to the renderer whenever it comes (the background sweep reads a few jobs at a
 * time, so at 2,000 jobs a server its first round takes many minutes): its bytes are counted apart, so that what
 * idle polls cost is told by what repeats what the renderer already has.
 */
import { serialize } from 'node:v8'

/** Pushes that are not poll results: the server JVM's own stream (every 10 s in Dinky 1.1), counted apart. */
export const NOT_POLLED = new Set(['jvm:sample'])

export class IpcMeter {
  private bytes = new Map<string, number>()
  private armed = new Map<string, number[]>()
  /** `profileId:instanceId` of every health summary pushed since the app started. */
  private readonly healthSeen = new Set<string>()
  private firstHealth = { bytes: 0, readings: 0 }

  /** The harness hook (`rendererIpcMeter`): one message on its way to the page. */
  readonly hook = (kind: 'push' | 'answer', channel: string, payload: unknown): void => {
    const key = `${kind} ${channel}`
    this.bytes.set(key, (this.bytes.get(key) ?? 0) + serialize(payload).byteLength)
    if (kind === 'push' && channel === 'jobHealth:update') this.noteHealth(payload)
    if (kind !== 'push' || !channel.startsWith('jobs:') || this.armed.size === 0) return
    const at = performance.timeOrigin + performance.now()
    for (const id of profileIdsOf(payload)) this.armed.get(id)?.push(at)
  }

  reset(): void {
    this.bytes.clear()
    this.firstHealth = { bytes: 0, readings: 0 }
  }

  private noteHealth(payload: unknown): void {
    for (const item of itemsOf(payload)) {
      const { profileId, summary } = item as {
        profileId?: string
        summary?: { instanceId?: number }
      }
      const key = `${profileId}:${summary?.instanceId}`
      if (this.healthSeen.has(key)) continue
      this.healthSeen.add(key)
      this.firstHealth.bytes += serialize(item).byteLength
      this.firstHealth.readings += 1
    }
  }

  /** Since the last reset: the first health readings of jobs (bytes, count), a part of `polledBytes`. */
  firstHealthReadings(): { bytes: number; readings: number } {
    return { ...this.firstHealth }
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

/** The items of a push (`{ seq, items }`, or an array of them). */
function itemsOf(payload: unknown): unknown[] {
  const items: unknown[] = []
  for (const message of Array.isArray(payload) ? payload : [payload]) {
    const list = (message as { items?: unknown } | null)?.items
    if (Array.isArray(list)) for (const item of list) items.push(item)
  }
  return items
}

/** The profile ids a push message's items name (`{ seq, items: [{ profileId, … }] }`). */
function profileIdsOf(payload: unknown): string[] {
  const ids: string[] = []
  for (const item of itemsOf(payload)) {
    const id = (item as { profileId?: unknown } | null)?.profileId
    if (typeof id === 'string' && !ids.includes(id)) ids.push(id)
  }
  return ids
}
