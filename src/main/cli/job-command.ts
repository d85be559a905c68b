/**
 * `dinky-console job --server URL --id N [--json]`: one job instance's health, read once — `refreshJobInfoDetail`
 * (checkpoints, exceptions, vertices, backpressure) and its alert history — printed as one NDJSON `detail` line or
 * as readable text. The same schemas and mapping as the app's drawer; exit 0, 2 bad arguments, 3 login refused,
 * 4 the server could not answer.
 */
import type { JobHealthDetail } from '../../shared/job-health'
import { DONE_STATUSES } from '../../shared/models'
import { createDinkyClient } from '../core/dinky/client'
import { startDemoServer, type DemoServer } from '../core/session/demo-profile'
import { JobDetailService } from '../core/job-detail/job-detail-service'
import { refreshDetailSchema } from '../core/job-detail/job-detail-schemas'
import { toJobHealthDetail, toJobHealthSummary } from '../core/job-detail/map-job-health'
import { FLINK_HTTPS_BLOCKED_TEXT } from '../core/dinky/flink-https'
import { systemClock, type Logger } from '../core/ports'
import { eachFlag, UsageError } from './cli-args'
import { createMemoryCacheStore } from './memory-cache-store'

export interface JobOptions {
  server: string
  id: number
  username: string
  passwordEnv: string
  tenantId: number | null
  json: boolean
}

export interface JobIo {
  out(line: string): void
  logger: Logger
  env: Record<string, string | undefined>
  now(): number
  startDemoServer?: () => Promise<DemoServer>
}

export function parseJob(args: readonly string[]): JobOptions {
  const options: JobOptions = {
    server: '',
    id: -1,
    username: 'admin',
    passwordEnv: 'DINKY_PASSWORD',
    tenantId: null,
    json: false
  }
  eachFlag('job', args, (flag, value) => {
    if (flag === '--server') options.server = value()
    else if (flag === '--id') options.id = Number(value())
    else if (flag === '--username') options.username = value()
    else if (flag === '--password-env') options.passwordEnv = value()
    else if (flag === '--tenant') options.tenantId = Number(value())
    else if (flag === '--json') options.json = true
    else return false
    return true
  })
  if (!options.server) throw new UsageError('job needs --server URL')
  if (options.server !== 'demo' && !/^https?:\/\/[^/]+/i.test(options.server))
    throw new UsageError('--server wants an http:// or https:// URL')
  if (!Number.isInteger(options.id) || options.id < 0)
    throw new UsageError('job needs --id N, a job instance id')
  if (options.tenantId !== null && !(Number.isInteger(options.tenantId) && options.tenantId >= 0))
    throw new UsageError('--tenant wants a tenant id')
  return options
}

export async function runJobCommand(options: JobOptions, io: JobIo): Promise<number> {
  const demo = options.server === 'demo' ? await (io.startDemoServer ?? startDemoServer)() : null
  const client = createDinkyClient({ baseUrl: demo?.url ?? options.server, logger: io.logger })
  try {
    const password = demo ? 'dinky123!@#' : (io.env[options.passwordEnv] ?? '')
    try {
      await client.login(options.username, password, options.tenantId)
    } catch (error) {
      io.logger.error('login failed', { error: String(error) })
      return 3
    }
    const data = await client.request(
      '/api/jobInstance/refreshJobInfoDetail',
      refreshDetailSchema,
      {
        query: { id: options.id, isForce: true }
      }
    )
    const asOf = io.now()
    const detail = toJobHealthDetail(data, client.knownVersion?.() ?? (await client.version()))
    const service = new JobDetailService({
      client,
      cache: createMemoryCacheStore().profile('cli'),
      clock: systemClock,
      logger: io.logger,
      budgetPerSecond: () => 1,
      isLive: () => true,
      jobs: () => [],
      emit: () => undefined
    })
    const alerts = await service.alerts(options.id).then(
      (fresh) => fresh.value,
      () => []
    )
    const summary = toJobHealthSummary(detail, asOf, asOf)
    if (options.json) {
      io.out(
        JSON.stringify({
          ts: asOf,
          type: 'detail',
          asOf,
          ...detail,
          reasons: summary.reasons,
          alerts
        })
      )
    } else {
      for (const line of detailText(detail, summary.reasons, alerts.length, asOf)) io.out(line)
    }
    return 0
  } catch (error) {
    io.logger.error('job detail failed', {
      error: error instanceof Error ? error.message : String(error)
    })
    return 4
  } finally {
    await client.dispose()
    await demo?.close()
  }
}

/**
 * Why not "ok" for every job without a reason: the health rules judge a running job; a FAILED or CANCELED one
 * (real 1.1.0/1.2.0: a failed job has no reasons) is not healthy, it is over.
 */
function healthWord(d: JobHealthDetail, reasons: string[]): string {
  if (reasons.length) return reasons.join(', ')
  return DONE_STATUSES.includes(d.status) ? `— (${d.status}, not running)` : 'ok'
}

function detailText(d: JobHealthDetail, reasons: string[], alerts: number, now: number): string[] {
  const cp = d.checkpoints
  const age = (at: number | null | undefined) =>
    at ? `${Math.round((now - at) / 1000)}s ago` : '—'
  const lines = [
    `${d.name} #${d.instanceId}  ${d.status}${d.flinkLost ? '  (Dinky lost Flink: the job may still run)' : ''}`,
    `  health: ${healthWord(d, reasons)}`,
    `  checkpoints: ${cp ? `${cp.completed} completed, ${cp.failed} failed, latest ${age(cp.latestCompleted?.ackAt)}` : '—'}`
  ]
  if (d.flinkHttpsBlocked) lines.splice(1, 0, `  flink: ${FLINK_HTTPS_BLOCKED_TEXT}`)
  if (cp?.latestFailed) lines.push(`  last failure: ${cp.latestFailed.failureMessage ?? '—'}`)
  for (const v of d.vertices)
    lines.push(
      // A source's busy time is unmeasured (Flink's busyRatio "NaN"): unknown, so no "%" after the dash.
      `  vertex ${v.name}: busy ${v.busyPct === null ? '—' : `${v.busyPct}%`}, backpressure ${v.backpressure ?? '—'}`
    )
  lines.push(`  root exception: ${d.exceptions?.root?.split('\n')[0] ?? 'none'}`)
  lines.push(`  alerts: ${alerts}`)
  return lines
}
