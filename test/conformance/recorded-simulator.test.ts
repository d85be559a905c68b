import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readRecording, type Recording } from '../../src/main/recording/recording-files'
import type { HttpEntry } from '../../src/main/recording/recording-format'
import { startSimulator, type Simulator } from '../../src/simulator/index'
import { isAllowed } from './allow-list'
import { expectedView, replayAgainstCore } from './replayed-session'
import { recordSimulator, SIM_PASSWORD } from './record-simulator'
import { formatDifferences } from './shape-diff'
import { compareWithSimulator } from './simulator-compare'

/** The machinery of conformance, proven on the simulator: record it, replay it to the core, hold it to itself. */
describe.each([
  {
    version: '1.1.0',
    transport: 'sse',
    sim: { heartbeatMs: 300 },
    timing: { sseHeartbeatMs: 300 }
  },
  {
    version: '1.2.4',
    transport: 'ws',
    sim: { wsJvmIntervalMs: 300 },
    timing: { wsJvmIntervalMs: 300 }
  }
])(
  'record and replay of a simulated Dinky $version',
  ({ version, transport, sim: simOptions, timing }) => {
    let sim: Simulator
    let recorded: Awaited<ReturnType<typeof recordSimulator>>
    let recording: Recording

    beforeAll(async () => {
      sim = await startSimulator({
        version,
        tickMs: 500,
        logRate: 5,
        metricsIntervalMs: 200,
        ...simOptions
      })
      recorded = await recordSimulator(sim.url)
      recording = await readRecording(recorded.dir)
    }, 30_000)

    afterAll(async () => {
      await sim?.close()
      if (recorded) await rm(recorded.dir, { recursive: true, force: true })
    })

    it('writes what the session saw, small, with no password or token in any file', async () => {
      expect(recorded.code).toBe(0)
      expect(recording.manifest).toMatchObject({ serverVersion: version, transport })
      expect(recording.manifest.session.jobDetails.length).toBeGreaterThan(0)
      const paths = new Set(recording.entries.flatMap((e) => (e.kind === 'http' ? [e.path] : [])))
      for (const path of [
        '/api/login',
        '/api/jobInstance',
        '/api/cluster/list',
        '/api/process/getProcess'
      ])
        expect(paths).toContain(path)
      expect(paths).toContain('/api/jobInstance/refreshJobInfoDetail')
      if (transport === 'sse')
        expect(recording.entries.some((e) => e.kind === 'sse' && e.raw.startsWith('data:{'))).toBe(
          true
        )
      else
        expect(
          recording.entries.some((e) => e.kind === 'ws-recv' && e.data.includes('JVM_INFO'))
        ).toBe(true)
      expect(recorded.tokens.size).toBeGreaterThan(0)
      let bytes = 0
      for (const name of await readdir(recorded.dir)) {
        const text = await readFile(join(recorded.dir, name), 'utf8')
        bytes += text.length
        expect(text).not.toContain(SIM_PASSWORD)
        for (const token of recorded.tokens) expect(text).not.toContain(token)
      }
      expect(JSON.stringify(recording.entries)).toContain('<token>')
      expect(bytes).toBeLessThan(1024 * 1024)
    })

    it('replays to the core: live, with the recorded jobs, logs, clusters, health and metrics', async () => {
      const view = await replayAgainstCore(recording)
      const expected = expectedView(recording)
      expect(view.live).toBe(true)
      expect(view.jobs).toEqual(expect.arrayContaining(expected.jobs.slice(0, 5)))
      expect(view.clusters).toEqual(expect.arrayContaining(expected.clusters))
      for (const [process, log] of expected.logs) expect(log).toContain(view.logs.get(process)?.[0])
      expect(view.health.sort()).toEqual(expected.health.sort())
      expect(view.metrics.sort()).toEqual(expected.metrics.sort())
      expect(view.unknown).toEqual([])
    }, 30_000)

    it('finds the simulator in agreement with its own recording, endpoint by endpoint', async () => {
      const differences = await compareWithSimulator(recording, { timing })
      const unexplained = differences.filter((d) => !isAllowed(version, d))
      expect(formatDifferences(unexplained)).toBe('')
    }, 30_000)

    it('names each drift of the simulator: a key, a type, the SSE framing', async () => {
      const drifted: Recording = JSON.parse(JSON.stringify(recording))
      const jobs = drifted.entries.find(
        (e): e is HttpEntry => e.kind === 'http' && e.path === '/api/jobInstance'
      )!
      const row = (jobs.body as { json: { data: Array<Record<string, unknown>> } }).json.data[0]
      row.renamedByTheTest = row.name
      delete row.name
      row.id = String(row.id)
      for (const e of drifted.entries)
        if (e.kind === 'sse') e.raw = e.raw.replace(/^data:/m, 'data: ')
      const differences = await compareWithSimulator(drifted, { timing })
      const text = formatDifferences(differences)
      expect(text).toContain(
        'POST /api/jobInstance /data/0/renamedByTheTest: recording string, simulator absent'
      )
      expect(text).toContain('POST /api/jobInstance /data/0/id: recording string, simulator number')
      if (transport === 'sse')
        expect(text).toMatch(
          /SSE \/api\/\S+ \S+ \(data: spacing\): recording data: x, simulator data:x/
        )
    }, 30_000)
  }
)
