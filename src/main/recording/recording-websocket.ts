/**
 * The WebSocket factory `record` hands the session: a real `ws` socket that also writes down its opening (status,
 * headers, the path with any token masked), every text frame each way with its time, and how it ended. Its
 * listeners are added before the transport's, so a frame is written down before the transport reacts to it.
 */
import WebSocket from 'ws'
import type { WebSocketFactory } from '../core/ports'
import { trimFrame } from './body-trim'
import type { Recorder } from './recorder'

const KEPT_HEADERS = [
  'content-type',
  'sec-websocket-protocol',
  'sec-websocket-extensions',
  'upgrade'
]

export function createRecordingWebSocket(
  recorder: Recorder,
  open: WebSocketFactory = (url, options) => new WebSocket(url, options)
): WebSocketFactory {
  const mask = recorder.mask
  return (url, options) => {
    const id = recorder.id()
    const parsed = new URL(url)
    const opening = {
      kind: 'ws-open' as const,
      t: recorder.t(),
      id,
      path: mask.text(parsed.pathname),
      query: mask.query(parsed.searchParams)
    }
    const socket = open(url, options)
    let ended = false
    const closed = (code: number, by: 'server' | 'client') => {
      if (ended) return
      ended = true
      recorder.other({ kind: 'ws-close', t: recorder.t(), socket: id, code, by })
    }
    const headersOf = (raw: Record<string, string | string[] | undefined>) => {
      const out: Record<string, string | string[]> = {}
      for (const [name, value] of Object.entries(raw)) {
        if (value !== undefined && KEPT_HEADERS.includes(name)) out[name] = value
        if (value !== undefined && name === 'set-cookie') {
          out[name] = (Array.isArray(value) ? value : [value]).map((line) => mask.setCookie(line))
        }
      }
      return out
    }
    let answered = false
    socket.on('upgrade', (response) => {
      answered = true
      recorder.other({ ...opening, status: 101, headers: headersOf(response.headers) })
    })
    socket.on('unexpected-response', (_request, response) => {
      answered = true
      recorder.other({
        ...opening,
        status: response.statusCode ?? 0,
        headers: headersOf(response.headers)
      })
      closed(1006, 'server')
    })
    socket.on('message', (data, isBinary) => {
      const text = isBinary ? `<binary ${String((data as Buffer).length)} bytes>` : data.toString()
      const masked = trimFrame(mask.text(text))
      recorder.frame(
        id,
        { kind: 'ws-recv', t: recorder.t(), socket: id, data: masked },
        masked.length
      )
    })
    socket.on('close', (code) => closed(code, 'server'))
    socket.on('error', () => {
      // No answer at all (refused, reset before the upgrade): an opening with status 0.
      if (!answered) recorder.other({ ...opening, status: 0, headers: {} })
      answered = true
    })
    const send = socket.send.bind(socket) as (data: unknown, ...rest: unknown[]) => void
    socket.send = ((data: unknown, ...rest: unknown[]) => {
      const masked = trimFrame(mask.text(String(data)))
      recorder.frame(
        id,
        { kind: 'ws-send', t: recorder.t(), socket: id, data: masked },
        masked.length
      )
      send(data, ...rest)
    }) as WebSocket['send']
    const terminate = socket.terminate.bind(socket)
    socket.terminate = () => {
      closed(1006, 'client')
      terminate()
    }
    const close = socket.close.bind(socket)
    socket.close = (code?: number, reason?: string | Buffer) => {
      closed(code ?? 1005, 'client')
      close(code, reason)
    }
    return socket
  }
}
