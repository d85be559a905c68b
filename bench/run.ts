/**
 * `npm run bench [-- --quick] [-- --only=ingest,render] [-- --profile]`: runs the benchmarks one after the other, prints each
 * figure beside its baseline and their ratio, and writes bench/results/latest.json. Wiring only.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { createUserDataTemplate, ensureAppBuilt, removeDir } from './app/app-fixture'
import type { BenchOptions, BenchResult } from './bench-types'
import { runColdStart, runJobGraph, runRender } from './browser-benches'
import { runAlertRules } from './alert-rules'
import { runConsoleLog } from './console-log'
import { runIngest } from './ingest'
import { runJobSweep } from './job-sweep'
import { runMemory } from './memory'
import { runMetrics } from './metrics'
import { runReconnect } from './reconnect'
import { runScale } from './scale'
import { runSoak } from './soak'
import { buildDocument, describeMachine, formatTable } from './report'
import { pairsOf } from './pairs'

const RESULTS = fileURLToPath(new URL('./results/latest.json', import.meta.url))
const ALL = [
  'console_log',
  'ingest',
  'reconnect',
  'memory',
  'render',
  'cold_start',
  'job_sweep',
  'soak',
  'metrics',
  'alert_rules',
  'scale',
  'job_graph'
] as const

const args = process.argv.slice(2)
const quick = args.includes('--quick')
const only = args
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',')
const selected = ALL.filter((name) => !only || only.includes(name))
const options: BenchOptions = {
  quick,
  log: (line) => process.stderr.write(`  ${line}\n`),
  profileDir: args.includes('--profile')
    ? fileURLToPath(new URL('./results/', import.meta.url))
    : undefined
}
const startedAt = new Date()
const results: BenchResult[] = []
const failures: Record<string, string> = {}

const needsApp = selected.some((name) =>
  ['memory', 'render', 'cold_start', 'metrics', 'scale', 'job_graph'].includes(name)
)
if (needsApp) ensureAppBuilt()
const emptyTemplate = selected.some((name) => ['memory', 'render', 'cold_start'].includes(name))
  ? await createUserDataTemplate(false)
  : ''
const cachedTemplate =
  selected.includes('cold_start') || selected.includes('metrics') || selected.includes('job_graph')
    ? await createUserDataTemplate(true)
    : ''

const benches: Record<(typeof ALL)[number], () => Promise<BenchResult>> = {
  console_log: async () => runConsoleLog(options),
  ingest: () => runIngest(options),
  reconnect: () => runReconnect(options),
  memory: () => runMemory(options, emptyTemplate),
  render: () => runRender(options, emptyTemplate),
  cold_start: () => runColdStart(options, cachedTemplate, emptyTemplate),
  job_sweep: () => runJobSweep(options),
  soak: () => runSoak(options),
  metrics: () => runMetrics(options, cachedTemplate),
  alert_rules: async () => runAlertRules(options),
  scale: () => runScale(options),
  job_graph: () => runJobGraph(options, cachedTemplate)
}

const machine = describeMachine()
process.stderr.write(
  `Dinky Console benchmarks${quick ? ' (quick)' : ''}: ${machine.nproc} × ${machine.cpu}, node ${machine.node}\n`
)
for (const name of selected) {
  const started = performance.now()
  process.stderr.write(`${name}\n`)
  try {
    results.push(await benches[name]())
  } catch (error) {
    failures[name] = error instanceof Error ? (error.stack ?? error.message) : String(error)
    process.stderr.write(`  FAILED: ${failures[name]}\n`)
  }
  process.stderr.write(`  (${Math.round((performance.now() - started) / 1000)} s)\n`)
}
if (emptyTemplate) await removeDir(emptyTemplate)
if (cachedTemplate) await removeDir(cachedTemplate)

const pairs = results.flatMap(pairsOf)
console.log(formatTable(pairs))
for (const result of results) {
  console.log(`\n${result.name}: ${result.method}`)
  for (const verdict of result.verdicts) console.log(`  - ${verdict}`)
}
await mkdir(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true })
await writeFile(
  RESULTS,
  JSON.stringify(buildDocument(quick, startedAt, results, pairs, failures), null, 2) + '\n'
)
console.log(`\nWritten: ${RESULTS}`)
process.exitCode = Object.keys(failures).length > 0 ? 1 : 0
