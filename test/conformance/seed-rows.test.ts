/**
 * The seeded admin, role and tenant to the byte: key order and time text of the simulator's login and tenant
 * choice against the recordings of real Dinky (the shape comparison checks only keys and types). 1.1 and 1.2 differ:
 * 1.2 writes createTime/updateTime first; 1.1 writes the tenant's times in Jackson's ISO form.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startSimulator } from '../../src/simulator/index'

const ROOT = resolve(import.meta.dirname, '../fixtures/real-dinky')

interface Entry {
  kind: string
  path?: string
  body?: { json?: { data?: Record<string, unknown> } }
}

function recorded(version: string, path: string): Record<string, unknown> {
  const entries = readFileSync(resolve(ROOT, version, 'recording.ndjson'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Entry)
  const entry = entries.find((e) => e.kind === 'http' && e.path === path)
  return entry!.body!.json!.data!
}

/** The parts of a login answer that are the seed rows (the password is masked in recordings). */
function seedRows(data: Record<string, unknown>): string {
  const user = { ...(data.user as object), password: '<password>' }
  return JSON.stringify({ user, roleList: data.roleList, tenantList: data.tenantList })
}

describe.each(['1.1.0', '1.2.0'])('the seed rows of a simulated %s', (version) => {
  it('are the real ones, key order and time text included', async () => {
    const sim = await startSimulator({ tickMs: 0, logRate: 0, heartbeatMs: 60_000, version })
    try {
      const res = await fetch(`${sim.url}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'dinky123!@#', autoLogin: true })
      })
      const login = (await res.json()) as { data: Record<string, unknown> }
      expect(seedRows(login.data)).toBe(seedRows(recorded(version, '/api/login')))
      const token = [...res.headers].find(([name]) => /token/.test(name) && name !== 'set-cookie')
      const chosen = await fetch(`${sim.url}/api/chooseTenant?tenantId=1`, {
        method: 'POST',
        headers: { [token![0]]: token![1], cookie: 'tenantId=1' }
      }).then((r) => r.json() as Promise<{ data: unknown }>)
      expect(JSON.stringify(chosen.data)).toBe(
        JSON.stringify(recorded(version, '/api/chooseTenant'))
      )
    } finally {
      await sim.close()
    }
  })
})
