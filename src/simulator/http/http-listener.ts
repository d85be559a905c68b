/**
 * The listening socket and every connection on it. Knowing the sockets is what lets the simulator refuse
 * connections for a while (stop listening, cut everything, listen again on the same port) and close without
 * leaving a handle behind.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'

export class HttpListener {
  readonly server: Server
  private readonly sockets = new Set<Socket>()
  private boundPort = 0
  private listening = false

  constructor(
    handler: (req: IncomingMessage, res: ServerResponse) => void,
    private readonly host: string
  ) {
    this.server = createServer(handler)
    this.server.on('connection', (socket) => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
  }

  get port(): number {
    return this.boundPort
  }

  get isListening(): boolean {
    return this.listening
  }

  socketCount(): number {
    return this.sockets.size
  }

  /** Listens on `port` (0 = free); later calls reuse the first port bound. */
  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => reject(error)
      this.server.once('error', onError)
      this.server.listen(this.boundPort || port, this.host, () => {
        this.server.off('error', onError)
        const address = this.server.address()
        this.boundPort = typeof address === 'object' && address ? address.port : port
        this.listening = true
        resolve(this.boundPort)
      })
    })
  }

  /** Stops accepting and cuts every open connection; resolves once the listener is closed. */
  stop(): Promise<void> {
    if (!this.listening) return Promise.resolve()
    this.listening = false
    return new Promise((resolve) => {
      this.server.close(() => resolve())
      for (const socket of this.sockets) socket.destroy()
      this.server.closeAllConnections()
    })
  }
}
