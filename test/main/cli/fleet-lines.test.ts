/**
 * The `fleet` outputs of one picture: worst server first, a change key blind to read times only, and server text
 * inert in the readable table (a job name or version cannot act on the terminal or forge a row).
 */
import { describe, expect, it } from 'vitest'
import { summarizeServer } from '../../../src/shared/fleet'
import type { Job } from '../../../src/shared/models'
import {
  fleetChangeKey,
  fleetJsonLine,
  fleetTextLines,
  type FleetEntry
} from '../../../src/main/cli/fleet-lines'

const NOW = Date.UTC(2026, 11, 7, 12, 0, 0)

function job(id: number, name: string, status: Job['status']): Job {
  return { id, taskId: id, name, status } as Job
}

function entry(server: string, jobs: Job[] | null, live: boolean, version = '1.1.0'): FleetEntry {
  const since = NOW - 1_000
  return {
    server,
    summary: summarizeServer({
      profile: { id: server, name: new URL(server).host, url: server },
      streams: [
        live ? { kind: 'live', since } : { kind: 'offline', reason: 'network-offline', since }
      ],
      jobs: jobs && { value: jobs, asOf: NOW - 90_000, stale: !live },
      clusters: null,
      version: jobs ? version : null,
      transport: jobs ? 'sse' : null,
      alertsFiring: 0
    })
  }
}

describe('fleet lines', () => {
  const healthy = entry('http://a:8888', [job(1, 'ods', 'RUNNING')], true)
  const failing = entry('http://b:8888', [job(2, 'dwd', 'FAILED'), job(3, 'ads', 'RUNNING')], true)
  const offline = entry('http://c:8888', null, false)

  it('lists the servers worst first, with their figures', () => {
    const line = fleetJsonLine([healthy, offline, failing], NOW)
    expect(line.type).toBe('fleet')
    expect(line.servers.map((s) => s.server)).toEqual([
      'http://b:8888',
      'http://c:8888',
      'http://a:8888'
    ])
    expect(line.servers[0]).toMatchObject({
      state: 'live',
      stale: false,
      version: '1.1.0',
      counts: { total: 2, FAILED: 1, RUNNING: 1 },
      failing: [{ name: 'dwd', status: 'FAILED' }]
    })
    expect(line.servers[1]).toMatchObject({ state: 'offline', asOf: null, stale: true })
    expect(line.servers[0]).not.toHaveProperty('alertsFiring')
  })

  it('sees a change of status but not a newer read time', () => {
    const key = fleetChangeKey([healthy, failing])
    const reread = { ...healthy, summary: { ...healthy.summary, asOf: NOW } }
    expect(fleetChangeKey([reread, failing])).toBe(key)
    const changed = entry('http://a:8888', [job(1, 'ods', 'FAILED')], true)
    expect(fleetChangeKey([changed, failing])).not.toBe(key)
  })

  it('keeps server text inert in the table', () => {
    const hostile = entry(
      'http://d:8888',
      [job(4, 'evil\u001b[2J\nFAKE live row', 'FAILED')],
      false,
      '1.1\u001b]0;owned\u0007'
    )
    const lines = fleetTextLines([hostile, healthy], NOW)
    const text = lines.join('\n')
    expect(text.includes('\u001b') || text.includes('\u0007')).toBe(false)
    expect(text).toContain('evil\\e[2J\\nFAKE live row (FAILED)')
    expect(text).toContain('1.1\\e]0;owned\\a')
    expect(lines.some((l) => l.startsWith('FAKE'))).toBe(false)
    expect(lines.find((l) => l.includes('http://d:8888'))).toContain('cached 2 min ago')
  })
})
