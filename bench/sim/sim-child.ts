/**
 * Entry of the simulator child process (forked with tsx): a simulated Dinky 1.1 on a free loopback port whose world
 * moves only when the benchmark says so (no ticks, no scripted log pump), driven over the fork IPC channel.
 */
import { startSimulator } from '../../src/simulator/index'
import type { RunsReport, RunsRequest, SimMessage, SimRequest } from './sim-protocol'

const heartbeatMs = Number(process.env['BENCH_SIM_HEARTBEAT_MS'] ?? 9_000)
const sim = await startSimulator({ port: 0, logRate: 0, tickMs: 0, heartbeatMs })
const taskId = sim.control.world.tasks[0].id
const processName = `FlinkSubmit/${taskId}`
let stopRequested = false

const send = (message: SimMessage) => process.send?.(message)

/** Whole runs of the firehose: a new run (new key, empty log) every `runLines` lines. */
async function runs(request: RunsRequest): Promise<RunsReport> {
  stopRequested = false
  const started = performance.now()
  const cpuBefore = process.cpuUsage()
  const report: RunsReport = {
    lines: 0,
    events: 0,
    runs: 0,
    elapsedMs: 0,
    cpuMs: 0,
    maxLogChars: 0
  }
  const limit = request.maxLines ?? Number.POSITIVE_INFINITY
  const deadline = started + (request.durationMs ?? Number.POSITIVE_INFINITY)
  while (!stopRequested && report.lines < limit && performance.now() < deadline) {
    sim.control.submit(taskId)
    const lines = Math.min(request.runLines, limit - report.lines)
    const run = await sim.control.firehose({
      processName,
      lines,
      linesPerEvent: request.linesPerEvent
    })
    report.lines += run.lines
    report.events += run.events
    report.runs += 1
    report.maxLogChars = Math.max(report.maxLogChars, run.logChars)
  }
  const cpu = process.cpuUsage(cpuBefore)
  report.elapsedMs = performance.now() - started
  report.cpuMs = (cpu.user + cpu.system) / 1000
  return report
}

async function handle(request: SimRequest): Promise<unknown> {
  switch (request.op) {
    case 'runs':
      return runs(request)
    case 'stop':
      stopRequested = true
      return null
    case 'drop':
      return sim.control.dropStreams()
    case 'stall':
      return sim.control.stallStreams()
    case 'restart':
      return sim.control.restart({ downMs: request.downMs })
    case 'begin':
      return void sim.control.submit(taskId)
    case 'append':
      return sim.control.appendLog(processName, request.lines)
    case 'close':
      await sim.close()
      setImmediate(() => process.exit(0))
      return null
  }
}

process.on('message', (raw) => {
  const { id, request } = raw as { id: number; request: SimRequest }
  handle(request).then(
    (value) => send({ type: 'reply', id, value: value ?? null }),
    (error: unknown) => send({ type: 'error', id, message: String(error) })
  )
})
send({ type: 'ready', url: sim.url, processName, taskId })
