/**
 * Conformance (b) asks the simulator what the recording asked the real server, but the two worlds have different
 * ids. This maps the recording's job instance ids, task ids, Flink job ids, process names and addresses to the
 * simulator's (a job of the same status where there is one), so `?id=23` on a real Dinky becomes the id of a
 * simulated job in the same state.
 */
import type { Recording } from '../../src/main/recording/recording-files'
import type { HttpEntry } from '../../src/main/recording/recording-format'

type Row = Record<string, unknown>

export interface IdMapping {
  query(query: Record<string, string>): Record<string, string>
  json(value: unknown, key?: string): unknown
  text(text: string): string
}

const INSTANCE_KEYS = new Set(['id', 'jobInstanceId'])

export function rowsOf(entry: HttpEntry | undefined): Row[] {
  const json = entry?.body && 'json' in entry.body ? (entry.body.json as Row | null) : null
  return Array.isArray(json?.data) ? (json.data as Row[]) : []
}

export function createIdMapping(
  recording: Recording,
  simJobs: Row[],
  simAddress: string | null
): IdMapping {
  const http = recording.entries.filter((e): e is HttpEntry => e.kind === 'http')
  const recorded = rowsOf(http.find((e) => e.path === '/api/jobInstance' && e.status === 200))
  const instances = new Map<string, string>()
  const tasks = new Map<string, string>()
  const strings = new Map<string, string>()
  const used = new Set<Row>()
  for (const row of recorded) {
    const sim =
      simJobs.find((s) => !used.has(s) && s.status === row.status) ??
      simJobs.find((s) => !used.has(s))
    if (!sim) break
    used.add(sim)
    instances.set(String(row.id), String(sim.id))
    tasks.set(String(row.taskId), String(sim.taskId))
    if (typeof row.jid === 'string' && typeof sim.jid === 'string') strings.set(row.jid, sim.jid)
  }
  const addresses = new Set<string>()
  for (const entry of http) if (entry.query.address) addresses.add(entry.query.address)
  if (simAddress) for (const address of addresses) strings.set(address, simAddress)

  const text = (value: string): string => {
    const process = /^([A-Za-z]+)\/(\d+)$/.exec(value)
    if (process && tasks.has(process[2])) return `${process[1]}/${tasks.get(process[2])}`
    let out = value
    for (const [from, to] of strings) out = out.split(from).join(to)
    return out
  }
  const one = (key: string, value: string): string => {
    if (INSTANCE_KEYS.has(key) && instances.has(value)) return instances.get(value)!
    if (key === 'taskId' && tasks.has(value)) return tasks.get(value)!
    return text(value)
  }
  const json = (value: unknown, key = ''): unknown => {
    if (typeof value === 'number') {
      const mapped = one(key, String(value))
      return mapped === String(value) ? value : Number(mapped)
    }
    if (typeof value === 'string') return one(key, value)
    if (Array.isArray(value)) return value.map((item) => json(item, key))
    if (value && typeof value === 'object') {
      const out: Row = {}
      for (const [name, item] of Object.entries(value)) out[text(name)] = json(item, name)
      return out
    }
    return value
  }
  return {
    query: (query) => Object.fromEntries(Object.entries(query).map(([k, v]) => [k, one(k, v)])),
    json,
    text
  }
}
