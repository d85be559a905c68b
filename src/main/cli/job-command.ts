/**
 * `dinky-console job --server URL --id N [--json]`: one job instance's health, read once — `refreshJobInfoDetail`
 * (checkpoints, exceptions, vertices, backpressure) and its alert history — printed as one NDJSON `detail` line or
 * as readable text. The same schemas and mapping as the app's drawer. `--action` then acts on the job's task
 * (cancel, stop, restart, savepoint), which `--read-only` refuses before anything is sent (issue 23). Exit 0,
 * 2 bad arguments, 3 login refused, 4 the server could not answer (or refused the action), 5 refused as read-only.
 */
import type { JobHealthDetail } from '../../shared/job-health'
import type { JobAction } from '../../shared/session'
import { DONE_STATUSES } from '../../shared/models'
import { createDinkyClient } from '../core/dinky/client'
import { startDemoServer, type DemoServer } from '../core/session/demo-profile'
import { JobDetailService } from '../core/job-detail/job-detail-service'
import { refreshDetailSchema } from '../core/job-detail/job-detail-schemas'
import { toJobHealthDetail, toJobHealthSummary } from '../core/job-detail/map-job-health'
import { FLINK_HTTPS_BLOCKED_TEXT } from '../core/dinky/flink-https'
import { systemClock, type Logger } from '../core/ports'
import { READ_ONLY_MESSAGE } from '../core/session/read-only-error'
import { eachFlag, UsageError } from './cli-args'
import { inertTerminalText } from './inert-text'
import { createMemoryCacheStore } from './memory-cache-store'

export interface JobOptions {
  server: string
  id: number
  username: string
  passwordEnv: string
  tenantId: number | null
  json: boolean
  action: JobCommandAction | null
  readOnly: boolean
}

/** What `--action` may ask: Dinky's `/api/task/*` calls as an operator names them. */
export const JOB_COMMAND_ACTIONS = ['cancel', 'stop', 'restart', 'savepoint'] as const
export type JobCommandAction = (typeof JOB_COMMAND_ACTIONS)[number]

/** The exit code of an action refused by `--read-only`. */
export const EXIT_READ_ONLY = 5

export interface JobIo {
  out(line: string): void
  /** Where the refusal of a read-only action is said. */
  err(line: string): void
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
    json: false,
    action: null,
    readOnly: false
  }
  eachFlag('job', args, (flag, value) => {
    if (flag === '--server') options.server = value()
    else if (flag === '--id') options.id = Number(value())
    else if (flag === '--username') options.username = value()
    else if (flag === '--password-env') options.passwordEnv = value()
    else if (flag === '--tenant') options.tenantId = Number(value())
    else if (flag === '--json') options.json = true
    else if (flag === '--read-only') options.readOnly = true
    else if (flag === '--action') {
      const action = value()
      if (!(JOB_COMMAND_ACTIONS as readonly string[]).includes(action))
        throw new UsageError(`--action wants ${JOB_COMMAND_ACTIONS.join(', ')}`)
      options.action = action as JobCommandAction
    } else return false
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
  // Before the demo server, the login or any request: a read-only server is never sent an action.
  if (options.action && options.readOnly) {
    io.err(`dinky-console: ${READ_ONLY_MESSAGE} (--read-only): --action ${options.action} refused`)
    return EXIT_READ_ONLY
  }
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
    if (options.action) return await act(options.action, detail, options, io, client)
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
      for (const line of detailText(detail, summary.reasons, alerts.length, asOf))
        io.out(inertTerminalText(line))
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

function jobAction(kind: JobCommandAction, taskId: number): JobAction {
  switch (kind) {
    case 'cancel':
      return { kind: 'cancel', taskId, withSavepoint: false }
    case 'stop':
      return { kind: 'cancel', taskId, withSavepoint: true }
    case 'restart':
      return { kind: 'restart', taskId, savepointPath: null }
    case 'savepoint':
      return { kind: 'savepoint', taskId, savepointType: 'trigger' }
  }
}

/** Acts on the job's task (Dinky acts by task, not instance) and prints Dinky's answer; a refusal exits 4. */
async function act(
  kind: JobCommandAction,
  detail: JobHealthDetail,
  options: JobOptions,
  io: JobIo,
  client: ReturnType<typeof createDinkyClient>
): Promise<number> {
  if (detail.taskId === null) {
    io.err(`dinky-console: job ${options.id} has no task to ${kind}`)
    return 4
  }
  const message = await client.jobAction(jobAction(kind, detail.taskId))
  const ts = io.now()
  if (options.json) {
    const line = { ts, type: 'action', action: kind, instanceId: options.id, taskId: detail.taskId }
    io.out(JSON.stringify({ ...line, message }))
  } else io.out(inertTerminalText(`${kind} ${detail.name} #${options.id}: ${message}`))
  return 0
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
