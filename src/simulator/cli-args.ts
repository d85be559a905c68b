/**
 * Arguments of `npm run simulator`, parsed strictly: an unknown flag or a bad number is an error with a message,
 * never silently ignored, so a typo in a demo script does not start a different Dinky than intended.
 */

import type { SimulatorOptions } from './options'

export const USAGE = `Usage: npm run simulator -- [options]
  --port N            TCP port (default 8888; 0 = any free port)
  --host HOST         address to listen on (default 127.0.0.1)
  --seed N            world seed (default 42)
  --heartbeat-ms N    SSE HEART_BEAT period (default 9000)
  --log-rate N        console lines per second of running submissions (default 20)
  --tick-ms N         world pace, one step every N ms (default 5000; 0 = frozen)
  --metrics-ms N      Flink metrics collection period (default 0 = every world tick)
  --version V         Dinky version to answer (default 1.1.0); 1.2.0+ switches to WebSocket (PING/PONG,
                      TASK_RUN_INSTANCE), 1.2.1 adds the 30 s idle timeout, 1.2.2+ puts the token in the
                      socket's path; 1.2.0-SNAPSHOT is the pre-release socket without PING
  --jvm-workers N     1.0/1.1: threads for getJvmInfo streams, each taken for good (default 10; 0 = unbounded)
  --jobs N            job instances listed (default 12, the demo cast; at least 12): the rest are generated
                      Flink SQL / CDC tasks, mostly RUNNING, some FINISHED, CANCELED, FAILED, a few RESTARTING
  --churn N           status changes per minute among the generated jobs (default 3; 0 = still)
  --demo-faults       play the demo scenario: a source lag that grows past 100,000 and drains, a checkpoint
                      failure streak now and then (fault controls: POST /__sim/health/..., see
                      src/simulator/job-health-control.ts)
  --help              this text`

type NumericFlag =
  | 'port'
  | 'seed'
  | 'heartbeatMs'
  | 'logRate'
  | 'tickMs'
  | 'metricsIntervalMs'
  | 'jvmWorkers'
  | 'jobs'
  | 'churnPerMinute'

/** Why a ceiling: a typo of a zero too many would build a world that eats the machine's memory. */
const MAX_JOBS = 100_000

const NUMERIC: Record<string, NumericFlag> = {
  '--port': 'port',
  '--seed': 'seed',
  '--heartbeat-ms': 'heartbeatMs',
  '--log-rate': 'logRate',
  '--tick-ms': 'tickMs',
  '--metrics-ms': 'metricsIntervalMs',
  '--jvm-workers': 'jvmWorkers',
  '--jobs': 'jobs',
  '--churn': 'churnPerMinute'
}

export type ParsedArgs =
  { ok: true; help: boolean; options: SimulatorOptions } | { ok: false; error: string }

/** Parses `argv` (without node and script); why strict: see the module comment. */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  const options: SimulatorOptions = { port: 8888 }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    if (flag === '--help' || flag === '-h') return { ok: true, help: true, options }
    if (flag === '--demo-faults') {
      options.demoFaults = true
      continue
    }
    const [name, inline] = flag.includes('=') ? flag.split(/=(.*)/s, 2) : [flag, undefined]
    const value = inline ?? argv[++i]
    if (value === undefined) return { ok: false, error: `${name} needs a value` }
    const numeric = NUMERIC[name]
    if (numeric) {
      const parsed = Number(value)
      if (!Number.isInteger(parsed) || parsed < 0 || (numeric === 'port' && parsed > 65535)) {
        return {
          ok: false,
          error: `${name} must be a non-negative integer${numeric === 'port' ? ' ≤ 65535' : ''}, got "${value}"`
        }
      }
      if (numeric === 'jobs' && (parsed < 12 || parsed > MAX_JOBS))
        return { ok: false, error: `--jobs must be between 12 and ${MAX_JOBS}, got "${value}"` }
      options[numeric] = parsed
    } else if (name === '--version') {
      if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(value))
        return { ok: false, error: `--version must look like 1.1.0, got "${value}"` }
      options.version = value
    } else if (name === '--host') {
      options.host = value
    } else {
      return { ok: false, error: `unknown option ${name}` }
    }
  }
  return { ok: true, help: false, options }
}
