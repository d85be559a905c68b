/**
 * Parsing and normalising stream frames into `StreamMessage`s. SSE (`/TOPIC/<KIND>/<param>` topics, one payload per
 * frame) and WS (enum-name topics, a `data` map keyed by parameter) both end in the same shape, with payloads
 * validated by the REST client's schemas and their times mapped with the server's UTC offset (`offsetMs`, from
 * `DinkyClient.serverUtcOffsetMs()`) exactly as REST bodies are. Pure: no I/O, no clock.
 */
import { toJvm, toMetricsSample, toProcess } from '../dinky/map-models'
import { jvmSchema, metricsSchema, processEntitySchema, sseDataSchema } from '../dinky/schemas'
import { DINKY_DEFAULT_OFFSET_MS } from '../dinky/server-zone'
import type { StreamMessage } from './transport'

export type NormalizeResult =
  { ok: true; messages: StreamMessage[] } | { ok: false; detail: string }

export const SSE_TOPIC_PREFIX = {
  PROCESS_CONSOLE: '/TOPIC/PROCESS_CONSOLE/',
  METRICS: '/TOPIC/METRICS/',
  PRINT_TABLE: '/TOPIC/PRINT_TABLE/'
} as const

type ParamTopic = keyof typeof SSE_TOPIC_PREFIX

/** One payload of a parameterised topic, validated; null when it does not match its schema. */
export function normalizePayload(
  topic: ParamTopic,
  param: string,
  data: unknown,
  offsetMs = DINKY_DEFAULT_OFFSET_MS
): StreamMessage | null {
  if (topic === 'PROCESS_CONSOLE') {
    const parsed = processEntitySchema.safeParse(data)
    return parsed.success ? { topic, param, data: toProcess(parsed.data, offsetMs) } : null
  }
  if (topic === 'METRICS') {
    const parsed = metricsSchema.safeParse(data)
    return parsed.success ? { topic, param, data: toMetricsSample(parsed.data, offsetMs) } : null
  }
  return typeof data === 'string' ? { topic, param, data } : null
}

/** A JVM payload; null when it is not one. */
export function normalizeJvm(data: unknown): StreamMessage | null {
  const parsed = jvmSchema.safeParse(data)
  return parsed.success ? { topic: 'JVM_INFO', data: toJvm(parsed.data) } : null
}

function parseFrame(raw: string): { topic: string; data: unknown } | { pong: true } | string {
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return 'frame is not JSON'
  }
  // Dinky 1.2's answer to a PING: `{"sessionKey","type":"PONG"}` (`WsDataVo`), no topic.
  if (json && typeof json === 'object' && (json as { type?: unknown }).type === 'PONG')
    return { pong: true }
  const frame = sseDataSchema.safeParse(json)
  return frame.success ? frame.data : 'frame is not an SseDataVo'
}

/**
 * One SSE `data:` payload (an `SseDataVo`). On the JVM stream the topic is a server-made UUID, so any topic that
 * is not a known one is read as a JVM push when its payload is a `Jvm`.
 */
export function normalizeSseData(raw: string, offsetMs = DINKY_DEFAULT_OFFSET_MS): NormalizeResult {
  const frame = parseFrame(raw)
  if (typeof frame === 'string') return { ok: false, detail: frame }
  if ('pong' in frame) return { ok: false, detail: 'a PONG on an SSE stream' }
  if (frame.topic === 'HEART_BEAT') return { ok: true, messages: [{ topic: 'HEART_BEAT' }] }
  for (const topic of Object.keys(SSE_TOPIC_PREFIX) as ParamTopic[]) {
    const prefix = SSE_TOPIC_PREFIX[topic]
    if (!frame.topic.startsWith(prefix)) continue
    const param = frame.topic.slice(prefix.length)
    const message = normalizePayload(topic, param, frame.data, offsetMs)
    return message
      ? { ok: true, messages: [message] }
      : { ok: false, detail: `${topic} payload does not match its schema` }
  }
  const jvm = normalizeJvm(frame.data)
  return jvm ? { ok: true, messages: [jvm] } : { ok: false, detail: `unknown topic ${frame.topic}` }
}

/**
 * One WS text frame: `{topic: ENUM, data: {param: payload}}`. Entries for parameters this session did not ask for
 * are dropped (Dinky may include other sessions' keys), as the web client does.
 */
export function normalizeWsFrame(
  raw: string,
  wanted: (topic: string, param: string) => boolean,
  offsetMs = DINKY_DEFAULT_OFFSET_MS
): NormalizeResult {
  const frame = parseFrame(raw)
  if (typeof frame === 'string') return { ok: false, detail: frame }
  if ('pong' in frame) return { ok: true, messages: [{ topic: 'PONG' }] }
  if (frame.topic === 'TASK_RUN_INSTANCE') return normalizeRunningTasks(frame.data)
  if (frame.topic === 'JVM_INFO') {
    const map = frame.data as Record<string, unknown> | null
    const payload =
      map && typeof map === 'object' && 'none-params' in map ? map['none-params'] : map
    const jvm = normalizeJvm(payload)
    return jvm
      ? { ok: true, messages: [jvm] }
      : { ok: false, detail: 'JVM_INFO payload is not a Jvm' }
  }
  if (!(frame.topic in SSE_TOPIC_PREFIX))
    return { ok: false, detail: `unknown topic ${frame.topic}` }
  if (!frame.data || typeof frame.data !== 'object')
    return { ok: false, detail: 'data is not a map' }
  const topic = frame.topic as ParamTopic
  const messages: StreamMessage[] = []
  for (const [param, payload] of Object.entries(frame.data as Record<string, unknown>)) {
    if (!wanted(topic, param)) continue
    const message = normalizePayload(topic, param, payload, offsetMs)
    if (!message) return { ok: false, detail: `${topic} payload does not match its schema` }
    messages.push(message)
  }
  return { ok: true, messages }
}

/** Task ids Dinky can be monitoring at once: far beyond any real server; more is a hostile frame. */
const MAX_RUNNING_TASKS = 100_000

/**
 * `TASK_RUN_INSTANCE`: `{"RunningTaskId": [taskId, …]}` when the set of monitored tasks changed (the 1.2.0 release
 * sends nothing otherwise); a `{}` (a PR-branch loop, `42e96423`, sent one every period) gives no message.
 */
export function normalizeRunningTasks(data: unknown): NormalizeResult {
  if (!data || typeof data !== 'object') return { ok: false, detail: 'data is not a map' }
  const ids = (data as Record<string, unknown>).RunningTaskId
  if (ids === undefined) return { ok: true, messages: [] }
  if (!Array.isArray(ids) || ids.length > MAX_RUNNING_TASKS)
    return { ok: false, detail: 'RunningTaskId is not a list of task ids' }
  const taskIds: number[] = []
  for (const id of ids) {
    if (!Number.isSafeInteger(id)) return { ok: false, detail: 'RunningTaskId holds a non-integer' }
    taskIds.push(id as number)
  }
  return { ok: true, messages: [{ topic: 'TASK_RUN_INSTANCE', taskIds }] }
}
