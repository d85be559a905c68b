/**
 * How `replay` finds the recorded answer to a request: by method, path (a fresh token in it read as `<token>`),
 * query and JSON body (keys sorted; a stream's random `sessionKey` ignored) and whether the request carried the
 * token; failing that by method and path alone. Each request key has its recorded answers in order (an answer
 * folded `count` times serves that many requests); once they are used up the last one answers for ever.
 */
import { TOKEN_PLACEHOLDER, type HttpEntry } from './recording-format'

export interface ReplayRequest {
  method: string
  path: string
  query: URLSearchParams
  body: string
  auth: boolean
}

/** Values that differ on every run by design and never choose an answer. */
const RANDOM_KEYS = new Set(['sessionKey'])

function normalise(value: unknown, key = ''): unknown {
  if (RANDOM_KEYS.has(key)) return '*'
  if (Array.isArray(value)) return value.map((item) => normalise(item))
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const name of Object.keys(value).sort())
      out[name] = normalise((value as Record<string, unknown>)[name], name)
    return out
  }
  return value
}

function bodyKey(body: HttpEntry['requestBody'] | string): string {
  if (body === null || body === '') return ''
  if (typeof body === 'string') {
    try {
      return JSON.stringify(normalise(JSON.parse(body)))
    } catch {
      return body
    }
  }
  return 'json' in body ? JSON.stringify(normalise(body.json)) : body.text
}

function queryKey(query: Record<string, string>): string {
  return JSON.stringify(normalise(query))
}

interface Queue {
  answers: HttpEntry[]
  /** Requests served by the head answer so far. */
  served: number
}

export class AnswerBook {
  private readonly exact = new Map<string, Queue>()
  private readonly byPath = new Map<string, Queue>()

  constructor(entries: readonly HttpEntry[]) {
    for (const entry of entries) {
      const keys = [
        this.exactKey(
          entry.method,
          entry.path,
          queryKey(entry.query),
          bodyKey(entry.requestBody),
          entry.auth
        )
      ]
      for (const [map, key] of [
        [this.exact, keys[0]],
        [this.byPath, `${entry.method} ${entry.path}`]
      ] as const) {
        const queue = map.get(key) ?? { answers: [], served: 0 }
        queue.answers.push(entry)
        map.set(key, queue)
      }
    }
  }

  /** The answer to `request`, its path's token already read back as `<token>`; null when nothing was recorded. */
  answer(request: ReplayRequest, token: string): HttpEntry | null {
    const path = request.path.split(token).join(TOKEN_PLACEHOLDER)
    const query: Record<string, string> = {}
    for (const key of new Set(request.query.keys())) {
      const value = request.query.getAll(key).join(',')
      query[key] = value.split(token).join(TOKEN_PLACEHOLDER)
    }
    const body = bodyKey(request.body.split(token).join(TOKEN_PLACEHOLDER))
    const exact = this.exactKey(request.method, path, queryKey(query), body, request.auth)
    const queue = this.exact.get(exact) ?? this.byPath.get(`${request.method} ${path}`)
    return queue ? take(queue) : null
  }

  private exactKey(method: string, path: string, query: string, body: string, auth: boolean) {
    return JSON.stringify([method, path, query, body, auth])
  }
}

function take(queue: Queue): HttpEntry {
  const head = queue.answers[0]
  queue.served++
  if (queue.served >= (head.count ?? 1) && queue.answers.length > 1) {
    queue.answers.shift()
    queue.served = 0
  }
  return head
}
