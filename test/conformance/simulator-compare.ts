/**
 * Conformance (b): the simulator held to a recording, endpoint by endpoint. A simulator of the recording's version
 * is logged in to the way the console did, then asked every distinct request the recording holds (ids mapped to
 * the simulator's world) and its answers compared with the recorded ones: status, content type, envelope `code`,
 * JSON keys and types, the header and cookie names that matter; then the streams (`stream-compare.ts`).
 */
import { randomUUID } from 'node:crypto'
import { findLoginToken } from '../../src/main/core/dinky/login-token'
import type { Recording } from '../../src/main/recording/recording-files'
import type { HttpEntry } from '../../src/main/recording/recording-format'
import { startSimulator, type SimulatorOptions } from '../../src/simulator/index'
import { createIdMapping, rowsOf } from './id-mapping'
import { compareShape, type Difference } from './shape-diff'
import { compareStreams, type StreamTiming } from './stream-compare'

const HEADER_NAMES = ['content-type', 'access-control-expose-headers', 'x-accel-buffering']
/** Asked once, in the login handshake below, or changing the server's state: not replayed one by one. */
const SKIPPED = new Set(['/api/login', '/api/chooseTenant', '/api/outLogin'])

export interface SimulatorSession {
  url: string
  tokenName: string
  token: string
  tenantId: number
  headers(auth: boolean): Record<string, string>
}

const json = (entry: HttpEntry) =>
  entry.body && 'json' in entry.body ? entry.body.json : undefined
const baseType = (value: string | string[] | null | undefined) =>
  String(value ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase()
const cookieNames = (lines: readonly string[]) =>
  lines.map((line) => line.split('=')[0].trim()).sort()

/** Compares one recorded answer with the simulator's answer to the same request. */
export function compareAnswer(
  endpoint: string,
  entry: HttpEntry,
  status: number,
  headers: Headers,
  body: unknown,
  out: Difference[]
): void {
  const at = (pointer: string, expected: unknown, actual: unknown): void => {
    out.push({ endpoint, pointer, expected: String(expected), actual: String(actual) })
  }
  if (entry.status !== status) return at('(status)', entry.status, status)
  if (baseType(entry.headers['content-type']) !== baseType(headers.get('content-type')))
    at(
      '(content-type)',
      baseType(entry.headers['content-type']),
      baseType(headers.get('content-type'))
    )
  for (const name of HEADER_NAMES) {
    if (name in entry.headers !== headers.has(name))
      at(
        `(header ${name})`,
        name in entry.headers ? 'present' : 'absent',
        headers.has(name) ? 'present' : 'absent'
      )
  }
  const recordedCookies = entry.headers['set-cookie']
  const cookies = cookieNames(
    Array.isArray(recordedCookies) ? recordedCookies : recordedCookies ? [recordedCookies] : []
  )
  const simCookies = cookieNames(headers.getSetCookie())
  if (cookies.join() !== simCookies.join())
    at('(set-cookie names)', cookies.join() || 'none', simCookies.join() || 'none')
  const recorded = json(entry) as Record<string, unknown> | undefined
  if (recorded && body && typeof body === 'object' && 'code' in recorded) {
    const code = (body as Record<string, unknown>).code
    if (recorded.code !== code) at('/code', recorded.code, code)
  }
  if (recorded !== undefined) compareShape(endpoint, recorded, body, out)
}

async function loginAsRecorded(
  url: string,
  recording: Recording,
  out: Difference[]
): Promise<SimulatorSession> {
  const http = recording.entries.filter((e): e is HttpEntry => e.kind === 'http')
  const login = http.find((e) => e.path === '/api/login')
  const body = { username: 'admin', password: 'dinky123!@#', autoLogin: true, ldapLogin: false }
  const response = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body)
  })
  const answer = await response.json()
  if (login) compareAnswer('POST /api/login', login, response.status, response.headers, answer, out)
  const found = findLoginToken(response.headers)
  if (!found) throw new Error('the simulator gave no token')
  if (login && recording.manifest.tokenName && found.name !== recording.manifest.tokenName)
    out.push({
      endpoint: 'POST /api/login',
      pointer: '(token name)',
      expected: recording.manifest.tokenName,
      actual: found.name
    })
  const chosen = http.find((e) => e.path === '/api/chooseTenant')
  const tenantId = Number(chosen?.query.tenantId ?? 1)
  const headers = (auth: boolean): Record<string, string> =>
    auth
      ? { accept: 'application/json', [found.name]: found.value, cookie: `tenantId=${tenantId}` }
      : { accept: 'application/json' }
  const tenant = await fetch(`${url}/api/chooseTenant?tenantId=${tenantId}`, {
    method: 'POST',
    headers: headers(true)
  })
  const tenantBody = await tenant.json()
  if (chosen)
    compareAnswer('POST /api/chooseTenant', chosen, tenant.status, tenant.headers, tenantBody, out)
  return { url, tokenName: found.name, token: found.value, tenantId, headers }
}

export interface CompareOptions {
  /** Options of the simulator compared with (fast periods keep the test short). */
  simulator?: SimulatorOptions
  /** The periods the simulator claims by default, to hold the recorded heartbeat timing against. */
  timing?: StreamTiming
}

const CHECKPOINT_DETAILS =
  /^\/api\/flink\/([^/]+)\/jobs\/([0-9a-f]{32})\/checkpoints\/details\/(\d+)$/

/**
 * A path asked through Dinky's Flink proxy names the recorded world's Flink address, job id and checkpoint id; the
 * compared simulator has its own (its world does not advance, so the recorded checkpoint is not in its history), on the job's own cluster.
 * Asked for its own job's latest completed checkpoint instead, the answers compare shape for shape.
 */
async function simulatorPath(
  path: string,
  ids: ReturnType<typeof createIdMapping>,
  simJobs: ReadonlyArray<Record<string, unknown>>,
  clusters: ReadonlyArray<Record<string, unknown>>,
  sim: { url: string },
  session: SimulatorSession
): Promise<string> {
  const details = CHECKPOINT_DETAILS.exec(path)
  if (!details) return path
  const jid = ids.text(details[2])
  const instance = simJobs.find((row) => row.jid === jid)
  if (!instance) return path
  const detail = (await fetch(`${sim.url}/api/jobInstance/getJobInfoDetail?id=${instance.id}`, {
    headers: session.headers(true)
  }).then((r) => r.json())) as {
    data?: { jobDataDto?: { checkpoints?: { latest?: { completed?: { id?: number } } } } }
  }
  const latest = detail.data?.jobDataDto?.checkpoints?.latest?.completed?.id ?? details[3]
  const cluster = clusters.find((row) => row.id === instance.clusterId)
  const host = String(cluster?.jobManagerHost ?? cluster?.hosts ?? '') || details[1]
  return `/api/flink/${host}/jobs/${jid}/checkpoints/details/${latest}`
}

/** Every difference between the recording and a simulator of its version (none when they agree). */
export async function compareWithSimulator(
  recording: Recording,
  options: CompareOptions = {}
): Promise<Difference[]> {
  const version = recording.manifest.serverVersion ?? '1.1.0'
  const sim = await startSimulator({
    tickMs: 0,
    metricsIntervalMs: 200,
    jvmIntervalMs: 200,
    logRate: 20,
    heartbeatMs: 200,
    wsJvmIntervalMs: 200,
    ...options.simulator,
    version
  })
  const out: Difference[] = []
  try {
    const session = await loginAsRecorded(sim.url, recording, out)
    const jobsRequest = { current: 1, pageSize: 100, sorter: { id: 'descend' } }
    const simJobs = await fetch(`${sim.url}/api/jobInstance`, {
      method: 'POST',
      headers: { ...session.headers(true), 'content-type': 'application/json' },
      body: JSON.stringify(jobsRequest)
    }).then((r) => r.json() as Promise<{ data: Array<Record<string, unknown>> }>)
    const clusters = await fetch(`${sim.url}/api/cluster/list?searchKeyWord=&isAutoCreate=false`, {
      headers: session.headers(true)
    }).then((r) => r.json() as Promise<{ data: Array<Record<string, unknown>> }>)
    const simAddress =
      String(clusters.data?.[0]?.jobManagerHost ?? clusters.data?.[0]?.hosts ?? '') || null
    const ids = createIdMapping(recording, simJobs.data ?? [], simAddress)
    const seen = new Set<string>()
    for (const entry of recording.entries) {
      if (entry.kind !== 'http' || entry.stream || entry.error || SKIPPED.has(entry.path)) continue
      const key = JSON.stringify([
        entry.method,
        entry.path,
        entry.query,
        entry.auth,
        entry.requestBody
      ])
      if (seen.has(key)) continue
      seen.add(key)
      const path = await simulatorPath(
        entry.path,
        ids,
        simJobs.data ?? [],
        clusters.data ?? [],
        sim,
        session
      )
      const url = new URL(sim.url + path.split('<token>').join(session.token))
      for (const [name, value] of Object.entries(ids.query(entry.query)))
        url.searchParams.set(name, value)
      const body =
        entry.requestBody && 'json' in entry.requestBody
          ? JSON.stringify(ids.json(entry.requestBody.json))
          : undefined
      const headers = {
        ...session.headers(entry.auth),
        ...(body ? { 'content-type': 'application/json' } : {})
      }
      const response = await fetch(url, { method: entry.method, headers, body, redirect: 'manual' })
      const text = await response.text()
      let answer: unknown = text
      try {
        answer = JSON.parse(text)
      } catch {
        // Compared as text.
      }
      compareAnswer(
        `${entry.method} ${entry.path}`,
        entry,
        response.status,
        response.headers,
        answer,
        out
      )
    }
    await compareStreams(recording, session, ids, out, options.timing ?? {}, version, randomUUID())
  } finally {
    await sim.close()
  }
  return out
}

export { rowsOf }
