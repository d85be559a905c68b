#!/usr/bin/env node
/** Headless entry: `dinky-console watch` runs the same core as the app, in a terminal. Wiring only. */
import { runCli } from './cli/run-cli'
import { createLineLogger } from './core/logger'
import { installSystemCaTrust } from './core/dinky/trusted-cas'

const stopSignal = new Promise<void>((resolve) => {
  process.once('SIGINT', () => resolve())
  process.once('SIGTERM', () => resolve())
})

const logger = createLineLogger((line) => process.stderr.write(line + '\n'), {
  level: process.env.DINKY_CONSOLE_LOG === 'debug' ? 'debug' : 'info'
})

const trust = installSystemCaTrust()
logger.debug('certificate trust', { ...trust })

runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  logger,
  env: process.env,
  now: () => Date.now(),
  stopSignal
}).then(
  (code) => process.stdout.write('', () => process.exit(code)),
  (error: unknown) => {
    logger.error('dinky-console failed', {
      error: error instanceof Error ? error.message : String(error)
    })
    process.exit(1)
  }
)
