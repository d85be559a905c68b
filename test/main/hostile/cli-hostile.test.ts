/**
 * Hostile server against the CLI (a child process, the same core as the app): terminal injection in the text view,
 * a million-line console event with the cache on, secrets never printed or stored, foreign cookies never sent back,
 * and configuration errors that end with a clear message and exit code instead of retrying for ever.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli, type CliRun } from '../cli/cli-process'
import { waitUntil } from '../../support/wait-until'
import {
  envelope,
  HOSTILE_PASSWORD,
  HOSTILE_TOKEN,
  sendJson,
  startHostileServer,
  type HostileServer
} from './hostile-server'

const ESC = '\u001b'
const BEL = '\u0007'
const HOSTILE_NAME = `${ESC}[2J${ESC}]0;pwned${BEL}${ESC}]8;;http://evil.example${ESC}\\click${ESC}]8;;${ESC}\\\r12:00:00 [topics] live\nforged`

let server: HostileServer | null = null
let run: CliRun | null = null
let dir: string | null = null
afterEach(async () => {
  run?.child.kill('SIGKILL')
  await server?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
  server = run = dir = null
})

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
  return Promise.all(files.map((file) => readFile(file, 'utf8')))
}

const env = { DINKY_PASSWORD: HOSTILE_PASSWORD }

async function eventually(check: () => boolean): Promise<void> {
  await waitUntil('the CLI to say so', check)
}

describe('the CLI against a hostile server', { timeout: 30_000 }, () => {
  it('prints hostile job names, console lines and messages inert in the text view', async () => {
    server = await startHostileServer()
    server.route('/api/jobInstance', (_q, res) =>
      sendJson(
        res,
        JSON.stringify({
          total: 1,
          data: [{ id: 1, taskId: 1, name: HOSTILE_NAME, status: `RUNNING${ESC}[31m` }]
        })
      )
    )
    const s = server
    run = runCli(
      ['watch', '--server', s.url, '--transport', 'sse', '--process', 'FlinkSubmit/1'],
      env
    )
    const stream = await s.nextStream('/api/sse/connect')
    await run.waitForLine('the job table', (line) => line.includes('pwned'))
    const log = `line one${ESC}[2K\rover${BEL}\n${ESC}[?1049h${ESC}P+q${ESC}\\\u009b31m\n`
    stream.write(
      `data:${JSON.stringify({ topic: '/TOPIC/PROCESS_CONSOLE/FlinkSubmit/1', data: { key: 'r', log } })}\n\n`
    )
    await run.waitForLine('the console lines', (line) => line.includes('31m'))
    const out = run.stdout.join('\n')
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/)
    expect(out).toContain('\\e[2J\\e]0;pwned\\a')
    expect(out).toContain('\\r12:00:00 [topics] live\\nforged')
    expect(out).toContain('FlinkSubmit/1 | line one\\e[2K\\rover\\a')
    expect(out).toContain('\\x9b31m')
    // The forged line never stands as a line of its own.
    expect(
      run.stdout.some(
        (line) => /^\d\d:\d\d:\d\d \[topics\] live$/.test(line) && line.startsWith('12:00:00')
      )
    ).toBe(false)
  })

  it('shows and caches a one-million-line console event like any other, and stores no secret', async () => {
    server = await startHostileServer()
    dir = await mkdtemp(join(tmpdir(), 'dinky-hostile-'))
    server.route('/api/login', (_q, res) =>
      sendJson(res, envelope({ user: { username: 'admin' }, tenantList: [{ id: 1 }] }), {
        token: HOSTILE_TOKEN,
        'set-cookie': 'foreign=evil; Domain=other.example; Path=/'
      })
    )
    const s = server
    run = runCli(
      [
        'watch',
        '--server',
        s.url,
        '--transport',
        'sse',
        '--process',
        'FlinkSubmit/1',
        '--cache-dir',
        dir,
        '--json'
      ],
      env
    )
    const stream = await s.nextStream('/api/sse/connect')
    await run.waitForLine('the jobs', (line) => line.includes('job-one'))
    const lines = Array.from({ length: 1_000_000 }, (_, i) => `line ${i}`)
    stream.write(
      `data:${JSON.stringify({ topic: '/TOPIC/PROCESS_CONSOLE/FlinkSubmit/1', data: { key: 'r', log: lines.join('\n') + '\n' } })}\n\n`
    )
    // --json: the event's lines arrive as log lines of NDJSON (the text view prints the same lines one by one).
    await run.waitForLine('the last line', (line) => line.includes('"line 999999"'), 60_000)
    run.child.kill('SIGTERM')
    expect(await run.exit).toBe(0)
    expect(run.stderr()).not.toContain('RangeError')
    const stored = (await filesUnder(dir)).join('\n')
    expect(stored).toContain('"line 999999"')
    expect(stored).not.toContain('secret')
    expect(stored).not.toContain(HOSTILE_TOKEN)
    const printed = run.stdout.join('\n') + run.stderr()
    expect(printed).not.toContain('secret')
    expect(printed).not.toContain(HOSTILE_TOKEN)
    // The foreign cookie was never sent back: only the tenant cookie the console sets itself.
    const cookies = new Set(s.requests.map((r) => r.headers.cookie).filter(Boolean))
    expect(cookies).toEqual(new Set(['tenantId=1']))
  }, 90_000)

  it('keeps the jobs live when the cluster list and the counts are malformed; clusters go stale with the reason', async () => {
    server = await startHostileServer()
    server.route('/api/cluster/list', (_q, res) => sendJson(res, envelope(null)))
    server.route('/api/jobInstance/getStatusCount', (_q, res) =>
      sendJson(res, JSON.stringify({ data: { all: 1 } }))
    )
    const s = server
    run = runCli(['watch', '--server', s.url, '--transport', 'sse', '--json'], env)
    const parsed = () => run!.stdout.map((line) => JSON.parse(line) as Record<string, unknown>)
    await run.waitForLine('stale clusters', (line) => line.includes('"staleReason"'))
    expect(parsed()).toContainEqual(
      expect.objectContaining({
        type: 'clusters',
        stale: true,
        staleReason: 'malformed-response',
        clusters: []
      })
    )
    const jobs = parsed().find((line) => line.type === 'jobs')
    expect(jobs).toMatchObject({
      stale: false,
      jobs: [expect.objectContaining({ name: 'job-one' })]
    })
    // The REST stream stays live: one bad side endpoint is not an outage.
    const rest = parsed().filter((line) => line.type === 'state' && line.stream === 'rest')
    expect(rest.at(-1)).toMatchObject({ state: 'live' })
    expect(rest.some((line) => line.state === 'reconnecting')).toBe(false)
  })

  it('refuses credentials in --server with exit 2, without repeating them', async () => {
    run = runCli(['watch', '--server', 'http://admin:hunter2-secret@127.0.0.1:9/'], env)
    expect(await run.exit).toBe(2)
    expect(run.stderr()).toContain('must not contain a user name or password')
    expect(run.stderr()).not.toContain('hunter2')
  })

  it.each([
    [
      'HTML with status 200',
      (res: ServerResponse) => {
        res.writeHead(200, { 'content-type': 'text/html' })
        res.end('<html><body>Welcome to nginx!</body></html>')
      }
    ],
    [
      'JSON without code',
      (res: ServerResponse) => sendJson(res, JSON.stringify({ ok: true, user: 'admin' }))
    ]
  ])('ends the first login with malformed-login and exit 3 on %s', async (_name, answer) => {
    server = await startHostileServer()
    server.route('/api/login', (_q, res) => answer(res))
    run = runCli(['watch', '--server', server.url, '--json'], env)
    expect(await run.exit).toBe(3)
    const errors = run.stdout.map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(errors).toContainEqual(
      expect.objectContaining({ type: 'error', reason: 'malformed-login' })
    )
    expect(server.requests.filter((r) => r.path === '/api/login')).toHaveLength(1)
    expect(run.stderr()).toContain('check the server URL')
  })

  it('names both URLs of a refused stream redirect in the CLI, and the other host hears nothing', async () => {
    server = await startHostileServer()
    const other = await startHostileServer()
    try {
      server.route('/api/sse/connect', (_q, res) => {
        res.writeHead(302, { location: `${other.url}/api/sse/connect` })
        res.end()
      })
      run = runCli(['watch', '--server', server.url, '--transport', 'sse'], env)
      await run.waitForLine('the refused redirect', (line) =>
        /\[topics\] reconnecting .*\(redirect-refused: /.test(line)
      )
      const named = `${server.url}/api/sse/connect -> ${other.url}/api/sse/connect`
      await eventually(() => run?.stderr().includes(named) ?? false)
      // The state line itself names both URLs, as the badge's tooltip and Diagnostics do.
      expect(run.stdout.some((line) => line.includes(named))).toBe(true)
      expect(other.requests).toEqual([])
    } finally {
      await other.close()
    }
  })
})
