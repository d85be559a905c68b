/**
 * `dinky-console fleet` as a child process against three servers, one of them dead (a port nothing listens on):
 * fleet lines name all three, the dead one never live; a poll that changes nothing prints nothing; with
 * `--cache-dir` a second run prints the cached figures first, marked stale; bad arguments exit 2 with the usage.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../src/simulator/index'
import { waitUntil } from '../../support/wait-until'
import { runCli, type CliRun } from './cli-process'

const PASSWORD = { DINKY_PASSWORD: 'dinky123!@#' }

interface FleetServer {
  server: string
  state: string
  asOf: number | null
  stale: boolean
  version: string | null
  counts: Record<string, number> & { total: number }
  failing: Array<{ name: string; status: string }>
}
interface FleetLine {
  ts: number
  type: 'fleet'
  servers: FleetServer[]
}

/** A loopback port nothing listens on: bound, then let go. */
async function deadPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((done) => server.close(() => done()))
  return port
}

function fleetLines(run: CliRun): FleetLine[] {
  return run.stdout.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line))
}

const serverOf = (line: FleetLine, url: string) => line.servers.find((s) => s.server === url)
const isLive = (line: FleetLine, url: string) => {
  const server = serverOf(line, url)
  return server?.state === 'live' && !server.stale && server.counts.total > 0
}

describe('dinky-console fleet', () => {
  let a: Simulator
  let b: Simulator
  let dead: string
  let dir: string
  beforeAll(async () => {
    // No world churn: a job list that does not change, so a poll has nothing to report.
    a = await startSimulator({ heartbeatMs: 300, tickMs: 0, logRate: 0 })
    b = await startSimulator({ heartbeatMs: 300, tickMs: 0, logRate: 0 })
    dead = `http://127.0.0.1:${await deadPort()}`
    dir = await mkdtemp(join(tmpdir(), 'dinky-fleet-'))
  })
  afterAll(async () => {
    await a.close()
    await b.close()
    await rm(dir, { recursive: true, force: true })
  })

  const args = (...extra: string[]) => [
    'fleet',
    '--server',
    a.url,
    '--server',
    b.url,
    '--server',
    dead,
    '--backoff-base',
    '0.2',
    '--backoff-max',
    '1',
    ...extra
  ]

  /** Waits for a fleet line with both simulators live and returns it. */
  async function bothLive(run: CliRun): Promise<FleetLine> {
    const line = await run.waitForLine('both live servers live in a fleet line', (text) => {
      if (!text.startsWith('{')) return false
      const parsed = JSON.parse(text) as FleetLine
      return parsed.type === 'fleet' && isLive(parsed, a.url) && isLive(parsed, b.url)
    })
    return JSON.parse(line)
  }

  it('names all three servers, the dead one not live, and stays quiet while nothing changes', async () => {
    const run = runCli(args('--json'), PASSWORD)
    const live = await bothLive(run)
    expect(live.servers.map((s) => s.server).sort()).toEqual([a.url, b.url, dead].sort())
    expect(serverOf(live, dead)).toMatchObject({ asOf: null, stale: true, version: null })
    expect(serverOf(live, dead)!.state).not.toBe('live')
    expect(serverOf(live, a.url)!.version).toMatch(/^1\./)
    expect(fleetLines(run).every((line) => line.servers.length === 3)).toBe(true)
    // Two more job polls of each live server (and the dead one's retries) print no line that is not a change: no
    // two pictures in a row are the same but for their read times. (A stream of a live server may still change
    // state on a loaded machine, which is news; a poll that found nothing new is not.)
    const polls = (sim: Simulator) => sim.control.stats().requestsByPath['/api/jobInstance'] ?? 0
    const [fromA, fromB] = [polls(a), polls(b)]
    await waitUntil(
      'two more job polls of each server',
      () => polls(a) >= fromA + 2 && polls(b) >= fromB + 2
    )
    const pictures = fleetLines(run).map((line) =>
      JSON.stringify(line.servers.map((s) => ({ ...s, asOf: 0 })))
    )
    for (let i = 1; i < pictures.length; i++) expect(pictures[i]).not.toBe(pictures[i - 1])
    run.child.kill('SIGINT')
    expect(await run.exit).toBe(0)
  }, 60_000)

  it('prints the cached figures first, marked stale, on the next run with --cache-dir', async () => {
    const first = runCli(args('--json', '--cache-dir', dir), PASSWORD)
    const seen = await bothLive(first)
    first.child.kill('SIGINT')
    expect(await first.exit).toBe(0)

    const second = runCli(args('--json', '--cache-dir', dir), PASSWORD)
    const opening = JSON.parse(await second.waitForLine('the first line', (l) => l !== ''))
    expect(opening).toMatchObject({ type: 'fleet' })
    for (const url of [a.url, b.url]) {
      const cached = serverOf(opening, url)!
      expect(cached.stale).toBe(true)
      expect(cached.state).not.toBe('live')
      // The cache keeps the last list read, at or after the live picture the first run printed.
      expect(cached.asOf).toBeGreaterThanOrEqual(serverOf(seen, url)!.asOf!)
      expect(cached.counts).toEqual(serverOf(seen, url)!.counts)
    }
    expect(serverOf(opening, dead)).toMatchObject({ asOf: null, stale: true })
    await bothLive(second)
    second.child.kill('SIGINT')
    expect(await second.exit).toBe(0)
  }, 60_000)

  it('prints a readable table without --json', async () => {
    const run = runCli(['fleet', '--server', a.url, '--server', dead], PASSWORD)
    const row = await run.waitForLine(
      'the live row',
      (l) => l.includes(a.url) && /^ {2}live /.test(l)
    )
    expect(row).toMatch(/live \d\d:\d\d:\d\d/)
    expect(run.stdout.some((l) => /^ {2}STATE +SERVER +AS OF/.test(l))).toBe(true)
    expect(run.stdout.some((l) => l.includes(dead) && l.includes('never read'))).toBe(true)
    run.child.kill('SIGINT')
    expect(await run.exit).toBe(0)
  }, 60_000)

  it.each([
    [['fleet'], 'fleet needs --server URL'],
    [['fleet', '--server', 'ftp://host'], 'http:// or https://'],
    [['fleet', '--server', 'http://h:1', '--server', 'http://h:1/again'], 'given twice'],
    [['fleet', '--server', 'http://h:1', '--bogus'], 'unknown option for fleet: --bogus'],
    [['fleet', '--server', 'http://h:1', '--backoff-base', 'soon'], '--backoff-base wants']
  ])('exits 2 with the usage for %j', async (argv, message) => {
    const run = runCli(argv)
    expect(await run.exit).toBe(2)
    expect(run.stderr()).toContain(message)
    expect(run.stderr()).toContain('dinky-console fleet --server URL')
  })
})
