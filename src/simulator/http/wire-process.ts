/**
 * `ProcessEntity` and `ProcessStepEntity` on the wire. Two dialects: Spring's Jackson for REST and SSE
 * (`LocalDateTime` as zone-less ISO text, nulls kept) and Dinky 1.2's `JsonUtils` for WebSocket (epoch ms as if
 * UTC+8, nulls omitted). The log is a string: Jackson writes the `StringBuilder` as text.
 *
 * A finished process is no longer in memory: `ConsoleContextHolder.finishedProcess` wrote it with fastjson2 to
 * `tmp/log/<name>.json` and `getProcess` (REST and the 1.2 WebSocket's `firstSend`) reads it back with
 * `JSONObject.parseObject(string, ProcessEntity.class)`. The typed fields come back typed, but the steps in every
 * `children` list come back as fastjson2 `JSONObject`s: keys in fastjson2's alphabetical order, times in its
 * `yyyy-MM-dd HH:mm:ss.SSS` text, nulls absent — on the WebSocket too, where the process's own times are epoch
 * numbers (recordings of real 1.1.0 and 1.2.0, `test/fixtures/real-dinky/`).
 */

import type { ProcessRecord, ProcessStepRecord } from '../world/entities'
import { formatFastjsonDateTime, formatLocalDateTime } from '../world/time-format'

export type TimeDialect = 'iso' | 'epoch'

function time(ms: number | null, dialect: TimeDialect): string | number | null {
  if (ms === null) return null
  return dialect === 'iso' ? formatLocalDateTime(ms) : ms
}

/** A step as fastjson2 wrote it to the process file and `parseObject` read it back: a map, not a bean. */
function storedStep(step: ProcessStepRecord): object {
  return {
    children: step.children.map(storedStep),
    ...(step.endTime === null ? {} : { endTime: formatFastjsonDateTime(step.endTime) }),
    key: step.key,
    log: step.log,
    startTime: formatFastjsonDateTime(step.startTime),
    status: step.status,
    time: step.endTime === null ? 0 : step.endTime - step.startTime,
    title: step.title,
    type: step.type
  }
}

function stepToWire(step: ProcessStepRecord, dialect: TimeDialect, stored: boolean): object {
  const children = step.children.map((child) =>
    stored ? storedStep(child) : stepToWire(child, dialect, false)
  )
  return {
    key: step.key,
    title: step.title,
    status: step.status,
    type: step.type,
    startTime: time(step.startTime, dialect),
    endTime: time(step.endTime, dialect),
    time: step.endTime === null ? 0 : step.endTime - step.startTime,
    log: step.log,
    children
  }
}

/** The step last written to: the first open child, else the last child, else the root. */
function lastUpdateStep(process: ProcessRecord): ProcessStepRecord | null {
  const root = process.steps[0]
  if (!root) return null
  return (
    root.children.find((child) => child.endTime === null) ??
    root.children[root.children.length - 1] ??
    root
  )
}

/**
 * The whole process as Dinky sends it; field order of `ProcessEntity`. `read`: as `getProcess` answers it (REST, the
 * WebSocket's `firstSend`), from the file once the process finished; otherwise the live copy pushed per line.
 */
export function processToWire(
  process: ProcessRecord,
  dialect: TimeDialect = 'iso',
  read = false
): object {
  const last = lastUpdateStep(process)
  const stored = read && process.endTime !== null
  return {
    key: process.key,
    title: process.title,
    log: process.log,
    type: process.type,
    status: process.status,
    startTime: time(process.startTime, dialect),
    endTime: time(process.endTime, dialect),
    time: process.endTime === null ? 0 : process.endTime - process.startTime,
    lastUpdateStep: last ? stepToWire(last, dialect, stored) : null,
    children: process.steps.map((step) =>
      stored ? storedStep(step) : stepToWire(step, dialect, false)
    ),
    threadId: process.threadId
  }
}

/** `JSON.stringify` with Jackson's `NON_NULL`: null fields disappear at every depth. */
export function stringifyNonNull(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) => (field === null ? undefined : field))
}
