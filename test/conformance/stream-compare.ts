/**
 * Conformance (b), streams: the simulator's SSE events and WebSocket frames held to the recorded ones, by topic —
 * the SSE framing (field names, Spring's `data:` without a space, `retry:`), the frame's JSON keys and types, the
 * PONG — and the recorded heartbeat period held to the period the simulator claims by default, within 25 %.
 * Collecting stops as soon as every recorded topic was seen; the deadline only ends a topic the simulator never sends.
 */
import WebSocket from 'ws'
import type { Recording } from '../../src/main/recording/recording-files'
import type { HttpEntry, SseEntry } from '../../src/main/recording/recording-format'
import { medianGap } from '../../src/main/recording/replay-frames'
import { DINKY_DEFAULTS } from '../../src/simulator/options'
import { wsDialectFor } from '../../src/simulator/ws/ws-dialect'
import type { IdMapping } from './id-mapping'
import type { SimulatorSession } from './simulator-compare'
import { compareShape, type Difference } from './shape-diff'

export interface StreamTiming {
  sseHeartbeatMs?: number
  wsJvmIntervalMs?: number
}

const COLLECT_MS = 4_000
const TOLERANCE = 0.25

interface Frame {
  topic: string
  fields: string
  spaced: boolean
  json: unknown
}

/** A topic as a kind: `/TOPIC/METRICS/<jid>` → `/TOPIC/METRICS/*`, a uuid (the JVM stream's) → `<uuid>`. */
function topicKind(topic: unknown): string {
  const text = String(topic ?? '')
  if (/^[0-9a-f-]{36}$/i.test(text)) return '<uuid>'
  return text.replace(/^(\/TOPIC\/[A-Z_]+\/).*/, '$1*')
}

export function parseSseEvent(raw: string): Frame {
  const lines = raw.split(/\r\n|\n|\r/)
  const fields = [
    ...new Set(lines.map((line) => (line.startsWith(':') ? ':' : line.split(':')[0])))
  ]
    .sort()
    .join(',')
  const data = lines
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5))
    .join('\n')
  let json: unknown = null
  try {
    json = data ? JSON.parse(data) : null
  } catch {
    json = null
  }
  const topic =
    json && typeof json === 'object' ? topicKind((json as { topic?: unknown }).topic) : fields
  return { topic, fields, spaced: /^data: /m.test(raw), json }
}

function wsFrame(text: string): Frame {
  let json: unknown = null
  try {
    json = JSON.parse(text)
  } catch {
    json = null
  }
  const obj = (json ?? {}) as { topic?: unknown; type?: unknown; data?: unknown }
  // 1.2 frames key `data` by parameter (a process name, a jid): compared by the shape of the first value.
  if (
    obj.data &&
    typeof obj.data === 'object' &&
    !Array.isArray(obj.data) &&
    obj.topic !== 'JVM_INFO'
  ) {
    const first = Object.values(obj.data)[0]
    json = { ...obj, data: first === undefined ? {} : { '<param>': first } }
  }
  return { topic: topicKind(obj.topic ?? obj.type ?? 'text'), fields: 'ws', spaced: false, json }
}

function compareFrames(endpoint: string, recorded: Frame[], seen: Frame[], out: Difference[]) {
  // Per topic, the fullest frame of each side (1.2 sends an empty METRICS `{}` before the real one).
  const fullest = (frames: Frame[], topic: string) =>
    frames
      .filter((frame) => frame.topic === topic)
      .reduce<Frame | undefined>(
        (best, frame) =>
          !best || JSON.stringify(frame.json).length > JSON.stringify(best.json).length
            ? frame
            : best,
        undefined
      )
  const topics = new Set(recorded.map((frame) => frame.topic))
  for (const topic of topics) {
    const expected = fullest(recorded, topic)!
    const actual = fullest(seen, topic)
    const at = `${endpoint} ${topic}`
    if (!actual) {
      out.push({ endpoint: at, pointer: '(frame)', expected: 'sent', actual: 'not sent' })
      continue
    }
    if (expected.fields !== actual.fields)
      out.push({
        endpoint: at,
        pointer: '(fields)',
        expected: expected.fields,
        actual: actual.fields
      })
    if (expected.spaced !== actual.spaced)
      out.push({
        endpoint: at,
        pointer: '(data: spacing)',
        expected: expected.spaced ? 'data: x' : 'data:x',
        actual: actual.spaced ? 'data: x' : 'data:x'
      })
    compareShape(at, expected.json, actual.json, out)
  }
}

/** A frame with a payload: not 1.2's empty `data: {}` that every first send carries for METRICS and PRINT_TABLE. */
function full(frame: Frame): boolean {
  const data = (frame.json as { data?: unknown } | null)?.data
  return !(data && typeof data === 'object' && Object.keys(data).length === 0)
}

/** Every recorded topic seen, and with a payload wherever the recording has one (not only the empty first send). */
function allSeen(recorded: Frame[], seen: Frame[]) {
  return recorded.every((frame) =>
    seen.some((other) => other.topic === frame.topic && (full(other) || !full(frame)))
  )
}

async function compareSse(
  recording: Recording,
  stream: HttpEntry,
  sim: SimulatorSession,
  ids: IdMapping,
  key: string,
  out: Difference[]
) {
  const recorded = recording.entries
    .filter((e): e is SseEntry => e.kind === 'sse' && e.stream === stream.id)
    .map((e) => parseSseEvent(e.raw))
  const url = new URL(sim.url + stream.path)
  for (const [name, value] of Object.entries(stream.query))
    url.searchParams.set(name, name === 'sessionKey' ? key : value)
  const controller = new AbortController()
  const response = await fetch(url, {
    headers: sim.headers(stream.auth),
    signal: controller.signal
  })
  const seen: Frame[] = []
  const subscribe = recording.entries.findLast(
    (e): e is HttpEntry => e.kind === 'http' && e.path === '/api/sse/subscribeTopic'
  )
  if (
    stream.path.endsWith('/api/sse/connect') &&
    subscribe?.requestBody &&
    'json' in subscribe.requestBody
  ) {
    const body = { ...(ids.json(subscribe.requestBody.json) as object), sessionKey: key }
    await fetch(`${sim.url}/api/sse/subscribeTopic`, {
      method: 'POST',
      headers: { ...sim.headers(true), 'content-type': 'application/json' },
      body: JSON.stringify(body)
    }).then((r) => r.text())
  }
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let pending = ''
  const timer = setTimeout(() => controller.abort(), COLLECT_MS)
  try {
    while (!allSeen(recorded, seen)) {
      const { done, value } = await reader.read()
      if (done) break
      pending += decoder.decode(value, { stream: true })
      const events = pending.split(/\r\n\r\n|\n\n|\r\r/)
      pending = events.pop() ?? ''
      for (const raw of events) if (raw.trim()) seen.push(parseSseEvent(raw))
    }
  } catch {
    // The deadline: what was seen is compared.
  } finally {
    clearTimeout(timer)
    controller.abort()
  }
  compareFrames(`SSE ${stream.path}`, recorded, seen, out)
}

async function compareWs(
  recording: Recording,
  sim: SimulatorSession,
  ids: IdMapping,
  out: Difference[]
) {
  const open = recording.entries.find((e) => e.kind === 'ws-open' && e.status === 101)
  if (!open || open.kind !== 'ws-open') return
  const frames = recording.entries.filter(
    (e) => (e.kind === 'ws-recv' || e.kind === 'ws-send') && e.socket === open.id
  )
  const recorded = frames.flatMap((e) => (e.kind === 'ws-recv' ? [wsFrame(e.data)] : []))
  const sends = frames.flatMap((e) => (e.kind === 'ws-send' ? [e.data] : []))
  const subscription = [...sends].reverse().find((text) => text.includes('SUBSCRIBE'))
  const fill = (text: string) => ids.text(text.split('<token>').join(sim.token))
  const socket = new WebSocket(sim.url.replace(/^http/, 'ws') + fill(open.path))
  const seen: Frame[] = []
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, COLLECT_MS)
    socket.on('open', () => {
      if (sends.some((text) => text.includes('"PING"')))
        socket.send(fill(sends.find((text) => text.includes('"PING"'))!))
      if (subscription) socket.send(fill(subscription))
    })
    socket.on('message', (data) => {
      seen.push(wsFrame(data.toString()))
      if (!allSeen(recorded, seen)) return
      clearTimeout(timer)
      resolve()
    })
    socket.on('close', () => resolve())
    socket.on('error', () => resolve())
  })
  socket.terminate()
  compareFrames(`WS ${open.path}`, recorded, seen, out)
}

/** The recorded heartbeat period against the simulator's default for the version. */
function compareTiming(
  recording: Recording,
  version: string,
  timing: StreamTiming,
  out: Difference[]
) {
  // A 1.2 server answers each subscription with its whole first send (JVM_INFO included) within a few hundred ms:
  // those are answers, not the period.
  let lastSend = -Infinity
  const beats = recording.entries.flatMap((e) => {
    if (e.kind === 'ws-send') lastSend = e.t
    if (e.kind === 'sse' && e.raw.includes('"HEART_BEAT"'))
      return [{ at: e.t, text: String(e.stream) }]
    if (e.kind === 'ws-recv' && e.data.includes('"JVM_INFO"') && e.t - lastSend > 1_000)
      return [{ at: e.t, text: 'ws' }]
    return []
  })
  const streams = [...new Set(beats.map((beat) => beat.text))]
  for (const stream of streams) {
    const gap = medianGap(beats.filter((beat) => beat.text === stream))
    if (gap === null) continue
    const ws = stream === 'ws'
    const claimed = ws
      ? (timing.wsJvmIntervalMs ?? wsDialectFor(version).jvmIntervalMs)
      : (timing.sseHeartbeatMs ?? DINKY_DEFAULTS.heartbeatMs)
    // 25 %, and at least 200 ms: a loaded test machine's timers are late by that much on short periods.
    if (Math.abs(gap - claimed) > Math.max(claimed * TOLERANCE, 200))
      out.push({
        endpoint: ws ? 'WS JVM_INFO' : 'SSE HEART_BEAT',
        pointer: '(period ms)',
        expected: String(gap),
        actual: String(claimed)
      })
  }
}

export async function compareStreams(
  recording: Recording,
  sim: SimulatorSession,
  ids: IdMapping,
  out: Difference[],
  timing: StreamTiming,
  version: string,
  sessionKey: string
): Promise<void> {
  const streams = new Map<string, HttpEntry>()
  for (const e of recording.entries)
    if (e.kind === 'http' && e.stream === 'sse' && e.status === 200 && !streams.has(e.path))
      streams.set(e.path, e)
  for (const stream of streams.values())
    await compareSse(recording, stream, sim, ids, sessionKey, out)
  await compareWs(recording, sim, ids, out)
  compareTiming(recording, version, timing, out)
}
