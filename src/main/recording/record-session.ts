/**
 * What a `record` run asks of the session, so that the recording covers what the console reads: once the first
 * live job list is in, it opens a few jobs the way a person would (the health drawer, its alerts, versions,
 * savepoints and task managers, the job's console log, its JobManager log and its live metrics) — the named ones,
 * else running and failed ones first. Failures are logged and recorded, never fatal: they are what a bug report is for.
 */
import type { Job } from '../../shared/models'
import type { Logger } from '../core/ports'
import type { Session } from '../core/session/session'

export interface RecordSessionPlan {
  jobs: number
  jobDetails: number[]
  metrics: string[]
}

export interface OpenedInSession {
  processes: string[]
  jobDetails: number[]
  flinkLogs: string[]
  metrics: string[]
}

const PRIORITY = ['RUNNING', 'FAILED', 'RESTARTING', 'FAILING', 'CANCELED', 'FINISHED']

/** Resolves with the first live (not cached) job list, or null when `until` resolves first. */
export function firstLiveJobs(session: Session, until: Promise<unknown>): Promise<Job[] | null> {
  return new Promise((resolve) => {
    const unsubscribe = session.subscribe(({ update }) => {
      if (update.type !== 'jobs' || update.jobs.stale) return
      unsubscribe()
      resolve(update.jobs.value)
    })
    void until.then(() => {
      unsubscribe()
      resolve(null)
    })
  })
}

/** The jobs to open: those named, else one of each interesting status, running first. */
export function pickJobs(jobs: readonly Job[], plan: RecordSessionPlan): Job[] {
  if (plan.jobDetails.length) return jobs.filter((job) => plan.jobDetails.includes(job.id))
  const picked: Job[] = []
  for (const status of PRIORITY) {
    const job = jobs.find((j) => j.status === status && !picked.includes(j))
    if (job && picked.length < plan.jobs) picked.push(job)
  }
  for (const job of jobs) if (picked.length < plan.jobs && !picked.includes(job)) picked.push(job)
  return picked
}

export async function openJobs(
  session: Session,
  jobs: readonly Job[],
  plan: RecordSessionPlan,
  logger: Logger
): Promise<OpenedInSession> {
  const opened: OpenedInSession = { processes: [], jobDetails: [], flinkLogs: [], metrics: [] }
  const quietly = (what: string, work: Promise<unknown>) =>
    work.catch((error: unknown) =>
      logger.info('record: a read failed', { what, error: String(error) })
    )
  const health = session.jobHealth
  for (const job of jobs) {
    health.open(job.id)
    opened.jobDetails.push(job.id)
    const process = `FlinkSubmit/${job.taskId}`
    opened.processes.push(process)
    await quietly('console log', session.follow(process))
    await quietly('alerts', health.alerts(job.id))
    await quietly('versions', health.versions(job.taskId))
    await quietly('savepoints', health.savepoints(job.taskId))
    await quietly('job detail', session.jobDetail(job.id))
    if (job.jid && job.status === 'RUNNING') {
      session.metrics.open(job.jid, 'record')
      opened.metrics.push(job.jid)
    }
  }
  for (const jid of plan.metrics) {
    session.metrics.open(jid, 'record')
    opened.metrics.push(jid)
  }
  return opened
}

/** The JobManager logs and task managers of the opened jobs, once their health detail named an address. */
export async function openFlinkLogs(
  session: Session,
  addresses: readonly string[],
  logger: Logger
): Promise<string[]> {
  const done: string[] = []
  for (const address of addresses) {
    try {
      await session.jobHealth.followFlinkLog({ kind: 'jm-log', address })
      await session.jobHealth.taskManagers(address)
      done.push(address)
    } catch (error) {
      logger.info('record: a Flink log read failed', { address, error: String(error) })
    }
  }
  return done
}
