import { afterEach, describe, expect, it } from 'vitest'
import type { Recording } from '../../../src/main/recording/recording-files'
import type { HttpEntry } from '../../../src/main/recording/recording-format'
import { startReplay, type ReplayServer } from '../../../src/main/recording/replay-server'

const exchange = (
  id: number,
  t: number,
  path: string,
  data: unknown,
  extra: Partial<HttpEntry> = {}
): HttpEntry => ({
  kind: 'http',
  t,
  id,
  method: 'GET',
  path,
  query: {},
  auth: true,
  requestHeaders: {},
  requestBody: null,
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: { json: { code: 0, data, time: '2026-01-01 10:00:00' } },
  durationMs: 1,
  ...extra
})

const recording: Recording = {
  manifest: {
    format: 'dinky-console-recording',
    formatVersion: 1,
    recordedAt: '2026-01-01T10:00:00.000Z',
    durationMs: 1000,
    serverVersion: '1.1.0',
    transport: 'sse',
    tokenName: 'token',
    session: { processes: [], jobDetails: [], flinkLogs: [], metrics: [] },
    masked: [],
    counts: {},
    notes: []
  },
  entries: [
    exchange(
      1,
      0,
      '/api/login',
      { tokenInfo: { tokenValue: '<token>' } },
      {
        method: 'POST',
        auth: false,
        headers: {
          'content-type': 'application/json',
          token: '<token>',
          'set-cookie': ['token=<token>; Path=/']
        }
      }
    ),
    exchange(2, 10, '/api/jobs', 'first', { count: 2, times: [10, 20] }),
    exchange(3, 30, '/api/jobs', 'second')
  ]
}

describe('replay', () => {
  let server: ReplayServer | null = null
  afterEach(async () => {
    await server?.close()
    server = null
  })

  it('logs in with a fresh token, answers in recorded order (then the last), and 404s the unrecorded', async () => {
    server = await startReplay(recording)
    const login = await fetch(`${server.url}/api/login`, {
      method: 'POST',
      body: '{"password":"x"}'
    })
    const token = login.headers.get('token')!
    expect(token).toMatch(/^[0-9a-f]{32}$/)
    expect(login.headers.getSetCookie()).toEqual([`token=${token}; Path=/`])
    expect(await login.json()).toMatchObject({ data: { tokenInfo: { tokenValue: token } } })
    const answers: unknown[] = []
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${server.url}/api/jobs`, { headers: { token } })
      const body = (await response.json()) as { data: unknown }
      answers.push(body.data)
    }
    expect(answers).toEqual(['first', 'first', 'second', 'second'])
    const missing = await fetch(`${server.url}/api/nothing`)
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ code: 1, success: false, data: null })
    expect(server.unknown).toEqual(['GET /api/nothing'])
  })

  it('moves recorded server times to now', async () => {
    server = await startReplay(recording)
    const response = await fetch(`${server.url}/api/jobs`, { headers: { token: 'x' } })
    const body = (await response.json()) as { time: unknown }
    const served = Date.parse(String(body.time).replace(' ', 'T') + 'Z')
    expect(Math.abs(served - Date.now())).toBeLessThan(60_000)
  })
})
