import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseTimelineArgs } from '../../../src/main/cli/timeline-command'
import { UsageError } from '../../../src/main/cli/cli-args'
import { runCli, type CliIo } from '../../../src/main/cli/run-cli'
import { profileDir } from '../../../src/main/core/cache/cache-paths'
import { silentLogger } from '../../../src/main/core/logger'
import type { TimelineEvent } from '../../../src/shared/timeline'

const URL_ = 'http://dinky.example:8888'
const AT = Date.UTC(2026, 11, 7, 10, 0, 0)
const common = { profileId: URL_, taskId: 10, jobName: 'orders' }

const events: TimelineEvent[] = [
  { ...common, id: '1-1', at: AT, jobId: 1, kind: 'status', from: 'RUNNING', to: 'FAILED' },
  {
    ...common,
    id: '1-2',
    at: AT + 1_000,
    jobId: 2,
    jobName: 'evil\u001b[2J\nforged line',
    kind: 'action',
    action: 'restart',
    ok: true,
    message: 'ok\r'
  },
  {
    ...common,
    id: '1-3',
    at: AT + 2_000,
    jobId: null,
    taskId: null,
    jobName: null,
    kind: 'gap',
    reason: 'console-closed',
    until: AT + 2 * 3_600_000
  }
]

describe('dinky-console timeline', () => {
  let dir: string
  let out: string[]
  let err: string[]
  const io = (): CliIo => ({
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    logger: silentLogger,
    env: {},
    now: () => Date.now(),
    stopSignal: new Promise(() => undefined)
  })

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dinky-timeline-cli-'))
    out = []
    err = []
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  async function writeTimeline(profileId: string) {
    await mkdir(profileDir(dir, profileId), { recursive: true })
    const document = { version: 1, aliveAt: AT, seq: 3, events }
    await writeFile(join(profileDir(dir, profileId), 'timeline.json'), JSON.stringify(document))
  }

  it('prints the cached events as JSON lines, gaps included, oldest first', async () => {
    await writeTimeline(new URL(URL_).origin)
    expect(
      await runCli(['timeline', '--server', `${URL_}/`, '--cache-dir', dir, '--json'], io())
    ).toBe(0)
    const lines = out.map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(lines.map((line) => [line.type, line.kind, line.at])).toEqual([
      ['event', 'status', AT],
      ['event', 'action', AT + 1_000],
      ['event', 'gap', AT + 2_000]
    ])
  })

  it('filters by job (keeping the gaps) and by time, and shows server text inert', async () => {
    await writeTimeline(new URL(URL_).origin)
    await runCli(['timeline', '--server', URL_, '--cache-dir', dir, '--job', '2'], io())
    expect(out).toHaveLength(2)
    expect(out[0]).toContain('evil\\e[2J\\nforged line (#2)  console action restart ok: ok\\r')
    expect(out.some((line) => line.includes('\u001b') || line.includes('\n'))).toBe(false)
    expect(out[1]).toMatch(/server {2}GAP \(console closed\) until .*, 2\.0 h: nothing seen/)
    out = []
    const since = new Date(AT + 500).toISOString()
    await runCli(
      ['timeline', '--server', URL_, '--cache-dir', dir, '--since', since, '--json'],
      io()
    )
    expect(out.map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(['1-2', '1-3'])
  })

  it("finds the app's profile of that server through settings.json", async () => {
    await writeTimeline('a1b2')
    const settings = {
      version: 1,
      selectedProfileId: 'a1b2',
      profiles: [
        {
          id: 'a1b2',
          name: 'prod',
          url: `${URL_}/dinky`,
          username: 'admin',
          tenantId: 1,
          transport: 'auto',
          extraCaPem: null,
          processes: [],
          demo: false
        }
      ],
      settings: {}
    }
    await writeFile(join(dir, 'settings.json'), JSON.stringify(settings))
    await runCli(['timeline', '--server', URL_, '--cache-dir', dir, '--json'], io())
    expect(out).toHaveLength(3)
  })

  it('says so when nothing is cached', async () => {
    expect(await runCli(['timeline', '--server', URL_, '--cache-dir', dir], io())).toBe(0)
    expect(out).toEqual(['No timeline events cached for this server.'])
  })

  it('refuses bad arguments with exit 2 and a message naming the flag', async () => {
    const bad: Array<[string[], RegExp]> = [
      [[], /timeline needs --server URL/],
      [['--server', 'ftp://x'], /--server wants an http/],
      [['--server', URL_, '--job', 'seven'], /--job wants a job instance id/],
      [['--server', URL_, '--since', '12/24/2026'], /--since wants an ISO date/],
      [['--server', URL_, '--since'], /--since wants a value/],
      [['--server', URL_, '--follow'], /unknown option for timeline: --follow/]
    ]
    for (const [args, message] of bad) {
      expect(() => parseTimelineArgs(args)).toThrow(UsageError)
      expect(() => parseTimelineArgs(args)).toThrow(message)
    }
    expect(await runCli(['timeline', '--job', '1'], io())).toBe(2)
    expect(err.join('\n')).toMatch(
      /timeline needs --server URL[\s\S]*dinky-console timeline --server URL/
    )
  })

  it('reads ISO dates and times, zoned or local', () => {
    expect(parseTimelineArgs(['--server', URL_, '--since', '2026-12-24T08:00:00Z']).since).toBe(
      Date.UTC(2026, 11, 24, 8)
    )
    expect(parseTimelineArgs(['--server', URL_, '--since=2026-12-24']).since).toBe(
      Date.parse('2026-12-24')
    )
    expect(parseTimelineArgs(['--server', 'demo']).server).toBe('demo')
  })
})
