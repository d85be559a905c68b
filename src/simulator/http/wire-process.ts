/**
 * `ProcessEntity` and `ProcessStepEntity` on the wire. Two dialects: Spring's Jackson for REST and SSE
 * (`LocalDateTime` as zone-less ISO text, nulls kept) and Dinky 1.2's `JsonUtils` for WebSocket (epoch ms as if
 * UTC+8, nulls omitted). The log is a string: Jackson writes the `StringBuilder` as text.
 */

import type { ProcessRecord, ProcessStepRecord } from '../world/entities'
import { formatLocalDateTime } from '../world/time-format'

export type TimeDialect = 'iso' | 'epoch'

function time(ms: number | null, dialect: TimeDialect): string | number | null {
  if (ms === null) return null
  return dialect === 'iso' ? formatLocalDateTime(ms) : ms
}

function stepToWire(step: ProcessStepRecord, dialect: TimeDialect): object {
  return {
    key: step.key,
    title: step.title,
    status: step.status,
    type: step.type,
    startTime: time(step.startTime, dialect),
    endTime: time(step.endTime, dialect),
    time: step.endTime === null ? 0 : step.endTime - step.startTime,
    log: step.log,
    children: step.children.map((child) => stepToWire(child, dialect))
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

/** The whole process as Dinky sends it on every appended line; field order of `ProcessEntity`. */
export function processToWire(process: ProcessRecord, dialect: TimeDialect = 'iso'): object {
  const last = lastUpdateStep(process)
  return {
    key: process.key,
    title: process.title,
    log: process.log,
    type: process.type,
    status: process.status,
    startTime: time(process.startTime, dialect),
    endTime: time(process.endTime, dialect),
    time: process.endTime === null ? 0 : process.endTime - process.startTime,
    lastUpdateStep: last ? stepToWire(last, dialect) : null,
    children: process.steps.map((step) => stepToWire(step, dialect)),
    threadId: process.threadId
  }
}

/** `JSON.stringify` with Jackson's `NON_NULL`: null fields disappear at every depth. */
export function stringifyNonNull(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) => (field === null ? undefined : field))
}
