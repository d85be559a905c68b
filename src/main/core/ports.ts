/**
 * The ports the core is given by whoever runs it (the Electron main process, the CLI, a test, a benchmark).
 * The core never reaches for globals it could be handed instead: that is what lets time, I/O and logging be real
 * in the app and controlled in tests.
 */
import type WebSocket from 'ws'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export type LogFields = Record<string, string | number | boolean | null | undefined>

/** One-line structured logging. Expected disconnects are INFO/WARN with a reason; ERROR needs a person. */
export interface Logger {
  debug(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
  /** A logger whose lines carry `scope` (e.g. the profile id and stream name). */
  child(scope: string): Logger
}

export type TimerHandle = { readonly __timer: unique symbol } | ReturnType<typeof setTimeout>

/** Wall time and timers. Tests pass a fake; the app passes `systemClock`. */
export interface Clock {
  now(): number
  setTimeout(callback: () => void, ms: number): TimerHandle
  clearTimeout(handle: TimerHandle): void
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
}

/** Undoes what something started. Shutdown calls disposers in reverse order of creation. */
export type Disposer = () => void | Promise<void>

export type FetchLike = typeof fetch

/**
 * Opens a client WebSocket (the `ws` package's). The default is `new WebSocket(url, options)`; `dinky-console record`
 * passes one that also writes down every frame, which is why the WS transport never calls the constructor itself.
 */
export type WebSocketFactory = (url: string, options: WebSocket.ClientOptions) => WebSocket
