/**
 * The stand-in `session`: clearing storage really clears the pages' storage (through the test process) and is
 * recorded; webRequest listeners are kept but not applied to responses (see the README's limits).
 */
import { EventEmitter } from 'node:events'
import { records } from './records'
import { requestTest } from './test-link'

type Listener = (details: unknown, callback: (response: unknown) => void) => void

export class StandInWebRequest {
  readonly listeners = new Map<string, Listener | null>()
  onHeadersReceived(filterOrListener: unknown, maybeListener?: Listener | null): void {
    this.keep('onHeadersReceived', filterOrListener, maybeListener)
  }
  onBeforeRequest(filterOrListener: unknown, maybeListener?: Listener | null): void {
    this.keep('onBeforeRequest', filterOrListener, maybeListener)
  }
  onBeforeSendHeaders(filterOrListener: unknown, maybeListener?: Listener | null): void {
    this.keep('onBeforeSendHeaders', filterOrListener, maybeListener)
  }
  private keep(name: string, filterOrListener: unknown, maybeListener?: Listener | null): void {
    const listener = typeof filterOrListener === 'function' ? filterOrListener : maybeListener
    this.listeners.set(name, (listener as Listener | null | undefined) ?? null)
  }
}

export class StandInSession extends EventEmitter {
  readonly webRequest = new StandInWebRequest()
  readonly cookies = {
    get: async (_filter: unknown) => [] as unknown[],
    set: async (_details: unknown) => undefined,
    remove: async (_url: string, _name: string) => undefined
  }
  private userAgent = 'Mozilla/5.0 DinkyConsole Electron/stand-in'

  async clearCache(): Promise<void> {
    records.clearedStorage.push('cache')
  }
  /** Clears localStorage, sessionStorage, IndexedDB and cookies of the app's pages. */
  async clearStorageData(options?: { storages?: string[] }): Promise<void> {
    records.clearedStorage.push(`storage:${(options?.storages ?? ['all']).join(',')}`)
    await requestTest({ kind: 'session:clear-storage', origins: [] }).catch(() => undefined)
  }
  async getCacheSize(): Promise<number> {
    return 0
  }
  setPermissionRequestHandler(_handler: unknown): void {}
  setPermissionCheckHandler(_handler: unknown): void {}
  async setProxy(_config: unknown): Promise<void> {}
  async resolveProxy(_url: string): Promise<string> {
    return 'DIRECT'
  }
  setUserAgent(userAgent: string): void {
    this.userAgent = userAgent
  }
  getUserAgent(): string {
    return this.userAgent
  }
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    return fetch(input, init)
  }
}

export const defaultSession = new StandInSession()
const partitions = new Map<string, StandInSession>()

export const session = {
  defaultSession,
  fromPartition(partition: string): StandInSession {
    if (partition === '') return defaultSession
    const existing = partitions.get(partition) ?? new StandInSession()
    partitions.set(partition, existing)
    return existing
  }
}
