import { describe, expect, it } from 'vitest'
import { World } from '../../src/simulator/world/world'

const snapshot = (world: World) => ({
  instances: world.instances.map(({ id, taskId, jid, status, failedRestartCount }) => [
    id,
    taskId,
    jid,
    status,
    failedRestartCount
  ]),
  clusters: world.clusters.map((c) => c.available),
  // Log lines carry wall-clock stamps; compare them without the stamp.
  logs: world.console
    .list()
    .map((p) => [p.name, p.key, p.status, p.log.replace(/^\[[^\]]+\] /gm, '')])
})

function run(seed: number, ticks: number): World {
  let now = Date.UTC(2024, 7, 27, 2, 0, 0)
  const world = new World({ seed, now: () => now, submissionLines: 40 })
  for (let i = 0; i < ticks; i++) {
    now += 5000
    world.tick()
    world.pumpLogs(5000, 10)
  }
  return world
}

describe('the seeded world', () => {
  it('is the same world for the same seed, step after step', () => {
    expect(snapshot(run(7, 300))).toEqual(snapshot(run(7, 300)))
  })

  it('is another world for another seed', () => {
    expect(snapshot(run(7, 50))).not.toEqual(snapshot(run(8, 50)))
  })

  it('starts with twelve tasks whose latest instances cover the statuses an operator meets', () => {
    const statuses = new Set(
      run(42, 0)
        .latestInstances()
        .map((i) => i.status)
    )
    expect(run(42, 0).tasks).toHaveLength(12)
    for (const status of [
      'RUNNING',
      'FAILED',
      'FINISHED',
      'CANCELED',
      'RESTARTING',
      'INITIALIZING'
    ]) {
      expect(statuses).toContain(status)
    }
  })

  it('moves jobs through transient states over many ticks', () => {
    const world = run(3, 2000)
    const seen = new Set(world.instances.map((i) => i.status))
    expect(world.instances.length).toBeGreaterThan(20)
    expect(seen.has('RUNNING')).toBe(true)
    expect([...seen].some((s) => s === 'FAILED' || s === 'CANCELED')).toBe(true)
  })

  it('writes consoles with INFO, WARN and ERROR records, stack traces and Chinese text', () => {
    const world = run(5, 0)
    world.submit(1, true)
    world.pumpLogs(60_000, 100)
    const log = world.console.get('FlinkSubmit/1')?.log ?? ''
    expect(log).toMatch(/\[INFO\]/)
    expect(log).toMatch(/\[ERROR\]/)
    expect(log).toMatch(/\n\tat org\.dinky\./)
    expect(log).toMatch(/[\u4e00-\u9fff]/)
    expect(world.console.get('FlinkSubmit/1')?.status).toBe('FAILED')
    expect(world.latestOf(1)?.status).toBe('FAILED')
  })
})
