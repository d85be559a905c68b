/**
 * One open SSE response, written as Spring 5.3's `SseEmitter` writes it: `Content-Type: text/event-stream` without
 * a charset, chunked, `retry:1000` first, then `data:<json>` lines with no space after the colon and no `id:` or
 * `event:`. A stalled emitter keeps its socket but writes nothing more (a half-open connection).
 */

import type { ServerResponse } from 'node:http'

export class SseEmitter {
  private completed = false
  /** Fault control: the socket stays open but nothing reaches it any more. */
  stalled = false
  private readonly closeListeners = new Set<() => void>()

  constructor(
    readonly key: string,
    private readonly res: ServerResponse
  ) {
    res.on('close', () => {
      this.completed = true
      for (const listener of this.closeListeners) listener()
    })
  }

  /** Sends the headers and Spring's first frame, `emitter.send(event().reconnectTime(1000))`. */
  open(): void {
    this.res.writeHead(200, { 'Content-Type': 'text/event-stream' })
    this.res.write('retry:1000\n\n')
  }

  /** False when the client is gone: Spring then completes the emitter with the I/O error. */
  send(json: string): boolean {
    if (this.completed || this.res.destroyed || !this.res.writable) return false
    if (this.stalled) return true
    this.res.write(`data:${json}\n\n`)
    return true
  }

  get isOpen(): boolean {
    return !this.completed && !this.res.destroyed
  }

  get needsDrain(): boolean {
    return !this.stalled && this.res.writableNeedDrain && !this.res.destroyed
  }

  /** Resolves when the socket has taken what was written, or is gone. */
  drained(): Promise<void> {
    if (!this.needsDrain) return Promise.resolve()
    return new Promise((resolve) => {
      const done = (): void => {
        this.res.off('drain', done)
        this.res.off('close', done)
        resolve()
      }
      this.res.once('drain', done)
      this.res.once('close', done)
    })
  }

  onClose(listener: () => void): void {
    this.closeListeners.add(listener)
  }

  /** The async timeout: Spring completes the emitter, which ends the chunked body cleanly. */
  complete(): void {
    if (this.completed) return
    this.completed = true
    this.res.end()
  }

  /** Fault control: the connection is torn down abruptly (the client sees a reset or a cut body). */
  destroy(): void {
    this.completed = true
    const socket = this.res.socket
    if (socket && typeof socket.resetAndDestroy === 'function' && !socket.destroyed)
      socket.resetAndDestroy()
    else this.res.destroy()
  }
}
