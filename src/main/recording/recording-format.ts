/**
 * The format of a recording made by `dinky-console record` and served by `dinky-console replay`: a directory with
 * `manifest.json` (what was recorded, how, and what was masked) and `recording.ndjson` (one entry a line, in order
 * of time, `t` in ms since the start). Secrets never appear: they are replaced by the placeholders below, which
 * replay re-creates consistently (a fresh token wherever `<token>` stood).
 */

export const RECORDING_FORMAT = 'dinky-console-recording'
export const RECORDING_FORMAT_VERSION = 1
export const MANIFEST_FILE = 'manifest.json'
export const ENTRIES_FILE = 'recording.ndjson'

export const TOKEN_PLACEHOLDER = '<token>'
export const PASSWORD_PLACEHOLDER = '<password>'
export const COOKIE_PLACEHOLDER = '<cookie>'

/** A body as recorded: parsed JSON where it was JSON, else text; `null` for none. */
export type RecordedBody = { json: unknown } | { text: string } | null

/** One REST exchange (or the opening of an SSE stream, `stream: 'sse'`, whose events follow as `sse` entries). */
export interface HttpEntry {
  kind: 'http'
  /** Ms since the start of the recording; with `times`, the first of them. */
  t: number
  id: number
  method: string
  path: string
  /** The query, keys sorted, secrets masked. */
  query: Record<string, string>
  /** Whether the request carried the login token (replay answers anonymous and logged-in requests apart). */
  auth: boolean
  requestHeaders: Record<string, string>
  requestBody: RecordedBody
  status: number
  headers: Record<string, string | string[]>
  body: RecordedBody
  durationMs: number
  stream?: 'sse'
  /** What was cut to keep the recording small (JSON pointer and why). */
  trimmed?: string[]
  /** The same request answered the same way again: how often, and when (the first `MAX_TIMES`). */
  times?: number[]
  count?: number
  /** Different answers that came later to the same request and were not kept (the recording's size cap). */
  laterAnswers?: number
  /** The fetch failed (no answer): the error's message. */
  error?: string
}

/** One SSE event as it came on the wire (`raw`, e.g. `data:{...}` with Spring's no-space colon). */
export interface SseEntry {
  kind: 'sse'
  t: number
  /** The `http` entry of its stream. */
  stream: number
  raw: string
}

export interface WsOpenEntry {
  kind: 'ws-open'
  t: number
  id: number
  /** The socket's path, a token in it masked. */
  path: string
  query: Record<string, string>
  /** 101 when upgraded; otherwise the refusing status (0: no answer). */
  status: number
  headers: Record<string, string | string[]>
}

export interface WsFrameEntry {
  kind: 'ws-send' | 'ws-recv'
  t: number
  socket: number
  /** The text frame, secrets masked. */
  data: string
}

export interface WsCloseEntry {
  kind: 'ws-close'
  t: number
  socket: number
  code: number
  /** Who ended it: the server (`close` event) or the console (`terminate`/`close` call). */
  by: 'server' | 'client'
}

export type RecordingEntry = HttpEntry | SseEntry | WsOpenEntry | WsFrameEntry | WsCloseEntry

export interface RecordingManifest {
  format: typeof RECORDING_FORMAT
  formatVersion: number
  /** ISO time the recording started. */
  recordedAt: string
  durationMs: number
  /** What `/api/version` answered. */
  serverVersion: string | null
  transport: 'sse' | 'ws' | null
  tokenName: string | null
  /** What the session was asked to open: console logs, job details, Flink logs, metrics. */
  session: {
    processes: string[]
    jobDetails: number[]
    flinkLogs: string[]
    metrics: string[]
  }
  masked: string[]
  counts: Record<string, number>
  notes: string[]
}

/** Times kept per deduplicated entry; `count` keeps the total. */
export const MAX_TIMES = 50
/** Longest string kept inside a JSON body; longer ones are cut and listed in `trimmed`. */
export const MAX_STRING_CHARS = 4_096
/** Longest array kept inside a JSON body (its first elements). */
export const MAX_ARRAY_ITEMS = 30
/** Longest text body, SSE event or WS frame kept. */
export const MAX_TEXT_CHARS = 32_768
/** Most SSE events or WS frames kept per stream or socket. */
export const MAX_FRAMES_PER_STREAM = 400
