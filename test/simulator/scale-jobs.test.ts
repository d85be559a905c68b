import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/simulator/index'
import { getJson, login, postJson, TEST_OPTIONS, type Json } from './helpers'

interface Row {
  id: number
  taskId: number
  name: string
  status: string
  jid: string
}

/** Every latest instance, read the way the console reads them: pages of 100, newest first. */
async function listAll(sim: Simulator, token: string): Promise<{ rows: Row[]; totals: number[] }> {
  const rows: Row[] = []
  const totals: number[] = []
  for (let current = 1; current <= 100; current++) {
    const { body } = await postJson(sim, token, '/api/jobInstance', {
      current,
      pageSize: 100,
      sorter: { id: 'descend' }
    })
    totals.push(body.total)
    for (const row of body.data as Row[]) rows.push(row)
    if (body.data.length < 100) break
  }
  return { rows, totals }
}

describe('a simulated Dinky with --jobs N', () => {
  const sims: Simulator[] = []
  const start = async (options: Record<string, unknown>) => {
    const sim = await startSimulator({ ...TEST_OPTIONS, ...options })
    sims.push(sim)
    return { sim, token: await login(sim) }
  }
  afterEach(async () => {
    await Promise.all(sims.splice(0).map((sim) => sim.close()))
  })

  it('lists 2,000 latest instances in pages as Dinky does, the counts agreeing with the list', async () => {
    const { sim, token } = await start({ jobs: 2000, seed: 7 })
    const { rows, totals } = await listAll(sim, token)
    expect(totals.every((total) => total === 2000)).toBe(true)
    expect(rows).toHaveLength(2000)
    expect(new Set(rows.map((row) => row.id)).size).toBe(2000)
    expect(new Set(rows.map((row) => row.taskId)).size).toBe(2000)
    expect(rows.map((row) => row.id)).toEqual([...rows.map((row) => row.id)].sort((a, b) => b - a))
    // Past the last page: an empty page with the same total (MyBatis-Plus without overflow).
    const beyond = await postJson(sim, token, '/api/jobInstance', { current: 21, pageSize: 100 })
    expect(beyond.body).toMatchObject({ total: 2000, data: [] })
    // Dinky's default page is 10 rows.
    const first = await postJson(sim, token, '/api/jobInstance', {})
    expect(first.body.data).toHaveLength(10)

    const counts: Json = (await getJson(sim, token, '/api/jobInstance/getStatusCount')).body.data
    const byStatus = (status: string) => rows.filter((row) => row.status === status).length
    expect(counts.all).toBe(2000)
    expect(counts.running).toBe(byStatus('RUNNING'))
    expect(counts.failed).toBe(byStatus('FAILED') + byStatus('FAILING'))
    expect(counts.finished).toBe(byStatus('FINISHED'))
    expect(counts.canceled).toBe(byStatus('CANCELED'))
    expect(counts.restarting).toBe(byStatus('RESTARTING'))
    expect(counts.modelOverview.batchJobCount + counts.modelOverview.streamingJobCount).toBe(2000)
  })

  it('has a large Dinky’s mix: mostly running, some done, a few restarting or failing, long CDC names', async () => {
    const { sim, token } = await start({ jobs: 2000 })
    const { rows } = await listAll(sim, token)
    const share = (status: string) => rows.filter((row) => row.status === status).length / 2000
    expect(share('RUNNING')).toBeGreaterThan(0.65)
    for (const status of ['FINISHED', 'CANCELED', 'FAILED']) {
      expect(share(status)).toBeGreaterThan(0.01)
      expect(share(status)).toBeLessThan(0.15)
    }
    expect(share('RESTARTING') + share('FAILING')).toBeGreaterThan(0)
    expect(share('RESTARTING') + share('FAILING')).toBeLessThan(0.05)
    const long = rows.filter((row) => row.name.length > 70 && !row.name.includes(' '))
    expect(long.length).toBeGreaterThan(100)
    expect(long[0].name).toMatch(/^cdc_\w+_to_\w+_realtime_sync_v\d$/)
    expect(new Set(rows.map((row) => row.name)).size).toBe(2000)
  })

  it('builds the same world from the same seed, another from another, and keeps the demo cast', async () => {
    const a = await start({ jobs: 2000, seed: 11 })
    const b = await start({ jobs: 2000, seed: 11 })
    const c = await start({ jobs: 2000, seed: 12 })
    const small = await start({ seed: 11 })
    const [rowsA, rowsB, rowsC, rowsSmall] = await Promise.all(
      [a, b, c, small].map(async ({ sim, token }) => (await listAll(sim, token)).rows)
    )
    const key = (row: Row) => `${row.id} ${row.name} ${row.status} ${row.jid}`
    expect(rowsA.map(key)).toEqual(rowsB.map(key))
    expect(rowsA.map(key)).not.toEqual(rowsC.map(key))
    // The twelve of the demo are there, drawn as without the generated tasks (status and Flink id alike).
    expect(rowsSmall).toHaveLength(12)
    const cast = (row: Row) => `${row.name} ${row.status} ${row.jid}`
    const castOfA = rowsA.filter((row) => row.taskId <= 12).map(cast)
    expect(castOfA.sort()).toEqual(rowsSmall.map(cast).sort())
  })

  it('re-saves a few running rows every tick as Dinky does, their start staying put', async () => {
    const { sim, token } = await start({ jobs: 2000, churnPerMinute: 0 })
    type Wire = Row & { updateTime: string; createTime: string; duration: number }
    const read = async () =>
      new Map(((await listAll(sim, token)).rows as Wire[]).map((row) => [row.id, row]))
    const before = await read()
    sim.control.tick()
    const after = await read()
    const moved = [...after.values()].filter(
      (row) => row.updateTime !== before.get(row.id)?.updateTime
    )
    // A sixtieth of the running rows, give or take what the tick itself changed in the cast.
    expect(moved.length).toBeGreaterThan(10)
    expect(moved.length).toBeLessThan(80)
    const startOf = (row: Wire) => Date.parse(row.updateTime.replace(' ', 'T')) - row.duration
    for (const row of moved.filter((r) => r.taskId > 12)) {
      expect(row.status).toBe('RUNNING')
      // Whole seconds on the wire: the start read back moves by less than one.
      expect(Math.abs(startOf(row) - startOf(before.get(row.id)!))).toBeLessThan(1000)
      expect(row.duration).toBeGreaterThan(before.get(row.id)!.duration)
    }
  })

  it('churns a few generated jobs a minute on the world clock, the same way for the same seed', async () => {
    const run = async () => {
      const { sim } = await start({ jobs: 2000, seed: 5, churnPerMinute: 6 })
      const world = sim.control.world
      const before = new Map(world.latestInstances().map((i) => [i.taskId, i.status]))
      // Five minutes at the default 5 s tick.
      for (let tick = 0; tick < 60; tick++) sim.control.tick()
      const after = world.latestInstances()
      const changed = after.filter((i) => i.taskId > 12 && before.get(i.taskId) !== i.status)
      return changed.map((i) => `${i.taskId}:${before.get(i.taskId)}->${i.status}`)
    }
    const first = await run()
    const again = await run()
    expect(first).toEqual(again)
    expect(first.length).toBeGreaterThan(5)
    expect(first.length).toBeLessThan(100)
    const still = async () => {
      const { sim } = await start({ jobs: 2000, seed: 5, churnPerMinute: 0 })
      const world = sim.control.world
      const running = () =>
        world.latestInstances().filter((i) => i.taskId > 12 && i.status === 'RUNNING').length
      const before = running()
      for (let tick = 0; tick < 60; tick++) sim.control.tick()
      // Without churn only what was transient resolves: restarts come back, none leaves RUNNING.
      return running() >= before
    }
    expect(await still()).toBe(true)
  })
})
