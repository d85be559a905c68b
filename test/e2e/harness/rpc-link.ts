/**
 * Request/response and one-way notices over a Node IPC endpoint (a forked `ChildProcess`, or `process` inside the
 * child). Both ends of the harness use it, so ordering is simple: messages arrive in the order they were sent.
 */

/** The part of `ChildProcess` and of `process` that the link needs. */
export interface MessageEndpoint {
  send?: (message: unknown, callback?: (error: Error | null) => void) => boolean
  on(event: 'message', listener: (message: unknown) => void): unknown
  off(event: 'message', listener: (message: unknown) => void): unknown
}

type Envelope =
  | { t: 'notice'; body: unknown }
  | { t: 'req'; rid: number; body: unknown }
  | { t: 'res'; rid: number; ok: true; value: unknown }
  | { t: 'res'; rid: number; ok: false; message: string }

export interface RpcHandlers<InNotice, InRequest> {
  onNotice(notice: InNotice): void
  onRequest(request: InRequest): Promise<unknown> | unknown
}

export interface RpcLink<OutNotice, OutRequest> {
  notify(notice: OutNotice): Promise<void>
  request<T = unknown>(request: OutRequest): Promise<T>
  /** Rejects every pending request; later requests reject at once. Idempotent. */
  close(reason: string): void
}

/** Connects one end of the link; the other end must use the mirrored type parameters. */
export function createRpcLink<OutNotice, OutRequest, InNotice, InRequest>(
  endpoint: MessageEndpoint,
  handlers: RpcHandlers<InNotice, InRequest>
): RpcLink<OutNotice, OutRequest> {
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>()
  let nextId = 1
  let closedReason: string | null = null

  const post = (envelope: Envelope): Promise<void> =>
    new Promise((resolve, reject) => {
      if (closedReason !== null || !endpoint.send)
        return reject(new Error(`Link closed: ${closedReason}`))
      endpoint.send(envelope, (error) => (error ? reject(error) : resolve()))
    })

  const answer = async (rid: number, body: unknown) => {
    try {
      const value = await handlers.onRequest(body as InRequest)
      await post({ t: 'res', rid, ok: true, value })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      await post({ t: 'res', rid, ok: false, message }).catch(() => undefined)
    }
  }

  const onMessage = (raw: unknown) => {
    const envelope = raw as Envelope
    if (envelope.t === 'notice') handlers.onNotice(envelope.body as InNotice)
    else if (envelope.t === 'req') void answer(envelope.rid, envelope.body)
    else if (envelope.t === 'res') {
      const waiter = pending.get(envelope.rid)
      pending.delete(envelope.rid)
      if (!waiter) return
      if (envelope.ok) waiter.resolve(envelope.value)
      else waiter.reject(new Error(envelope.message))
    }
  }
  endpoint.on('message', onMessage)

  return {
    notify: (notice) => post({ t: 'notice', body: notice }),
    request<T>(request: OutRequest): Promise<T> {
      const rid = nextId++
      return new Promise<T>((resolve, reject) => {
        pending.set(rid, { resolve: resolve as (v: unknown) => void, reject })
        post({ t: 'req', rid, body: request }).catch((error: Error) => {
          pending.delete(rid)
          reject(error)
        })
      })
    },
    close(reason) {
      if (closedReason !== null) return
      closedReason = reason
      endpoint.off('message', onMessage)
      for (const waiter of pending.values()) waiter.reject(new Error(`Link closed: ${reason}`))
      pending.clear()
    }
  }
}
