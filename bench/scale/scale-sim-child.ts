/**
 * Entry of the `scale` benchmark's simulator process (forked with tsx): BENCH_SCALE_SERVERS simulated Dinky 1.1
 * servers of BENCH_SCALE_JOBS jobs each (`SimulatorOptions.jobs`, seeded per server), frozen (no ticks, no console
 * pump) until the benchmark changes jobs or starts the churn, driven over the fork IPC channel. A manual world
 * churns per tick as much as Dinky's does in 5 s (`churnPerMinute`, default 3), so ticking every 500 ms is 10×.
 */
import { startSimulator, type Simulator } from '../../src/simulator/index'
import type { ScaleServerStats, ScaleSimMessage, ScaleSimRequest } from './scale-sim-protocol'

const jobs = Number(process.env['BENCH_SCALE_JOBS'] ?? 12)
const servers = Number(process.env['BENCH_SCALE_SERVERS'] ?? 3)
const sims: Simulator[] = []
for (let i = 0; i < servers; i++) {
  sims.push(await startSimulator({ port: 0, logRate: 0, tickMs: 0, seed: 42 + i, jobs }))
}
const cursors = sims.map(() => 0)
let churn: NodeJS.Timeout | null = null

const send = (message: ScaleSimMessage) => process.send?.(message)

function stats(): ScaleServerStats[] {
  return sims.map((sim) => {
    const served = sim.control.stats().requestsByPath
    return {
      url: sim.url,
      polls: served['/api/jobInstance/getStatusCount'] ?? 0,
      pages: served['/api/jobInstance'] ?? 0,
      instances: sim.control.world.instances.length,
      listed: sim.control.world.latestInstances().length
    }
  })
}

/** Why rotate through the tasks: each change is a different job, so no change undoes the previous one. */
function change(server: number, count: number): number {
  const sim = sims[server]
  const { world } = sim.control
  for (let i = 0; i < count; i++) {
    const task = world.tasks[cursors[server]++ % world.tasks.length]
    const latest = world.latestInstances().find((instance) => instance.taskId === task.id)
    if (latest?.status === 'RUNNING') sim.control.failJob(task.id)
    else sim.control.recoverJob(task.id, { settle: true })
  }
  return count
}

function setChurn(tickMs: number): null {
  if (churn) clearInterval(churn)
  churn = tickMs > 0 ? setInterval(() => sims.forEach((sim) => sim.control.tick()), tickMs) : null
  return null
}

async function handle(request: ScaleSimRequest): Promise<unknown> {
  switch (request.op) {
    case 'stats':
      return stats()
    case 'change':
      return change(request.server, request.count)
    case 'churn':
      return setChurn(request.tickMs)
    case 'close':
      setChurn(0)
      await Promise.all(sims.map((sim) => sim.close()))
      setImmediate(() => process.exit(0))
      return null
  }
}

process.on('message', (raw) => {
  const { id, request } = raw as { id: number; request: ScaleSimRequest }
  handle(request).then(
    (value) => send({ type: 'reply', id, value: value ?? null }),
    (error: unknown) => send({ type: 'error', id, message: String(error) })
  )
})
send({ type: 'ready', urls: sims.map((sim) => sim.url) })
