/**
 * `npm run simulator -- --port 8888 [--seed N] [--heartbeat-ms 9000] [--log-rate N] [--version 1.1.0]
 * [--demo-faults]`: a simulated Dinky in the foreground. Prints the URL, the account and the fault controls, stops
 * cleanly on SIGINT/SIGTERM, exits 2 on bad arguments.
 */

import { parseCliArgs, USAGE } from './cli-args'
import { startSimulator } from './index'
import { DINKY_DEFAULTS } from './options'

async function main(): Promise<void> {
  const parsed = parseCliArgs(process.argv.slice(2))
  if (!parsed.ok) {
    process.stderr.write(`simulator: ${parsed.error}\n\n${USAGE}\n`)
    process.exit(2)
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  const simulator = await startSimulator(parsed.options)
  const protocol = simulator.tokenName === 'dinky-token' ? 'REST + WebSocket' : 'REST + SSE'
  process.stdout.write(
    `Dinky simulator ${simulator.version} (${protocol}) listening on ${simulator.url}\n` +
      `Account: ${DINKY_DEFAULTS.username} / ${DINKY_DEFAULTS.password}, tenant 1 "DefaultTenant"\n` +
      `Admin controls: POST ${simulator.url}/__sim/fault/drop, GET ${simulator.url}/__sim/stats\n` +
      `Job faults: POST ${simulator.url}/__sim/health/{restart-loop,source-lag,checkpoints}?taskId=…, ` +
      `/__sim/world/{fail,recover}?taskId=…\n`
  )
  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    process.stdout.write(`\n${signal}: stopping the simulator\n`)
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`simulator: ${message}\n`)
  process.exit(1)
})
