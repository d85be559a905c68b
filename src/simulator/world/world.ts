/**
 * The simulated Dinky's state: tasks, job instances, clusters, task managers, submissions and the server JVM.
 * Deterministic: it draws chance only from its seeded generator and time only from `now`, and it owns no timers
 * (the server drives `tick()` and `pumpLogs()`), so tests can step it by hand.
 */

import { CAST_SIZE, createClusterConfigurations, createClusters, createTasks } from './catalog'
import type { ClusterRecord, JobInstanceRecord, TaskManagerRecord, TaskRecord } from './entities'
import { TENANT_ID } from './entities'
import { DONE, setStatus, stepInstance } from './job-lifecycle'
import { JvmFigures } from './jvm-figures'
import { MetricsCollector } from './metrics'
import { ProcessConsole } from './process-console'
import { createSeededRandom, type SeededRandom } from './seeded-random'
import { createTaskManagers, refreshTaskManagers } from './task-managers'
import { buildInitialInstances, numbered } from './initial-state'
import { JobHealth } from './job-health'
import { RestartLoops } from './restart-loops'
import { SourceLag } from './source-lag'
import { createScaleTasks } from './scale-catalog'
import { buildScaleInstances, churnTick, resaveRunning } from './scale-jobs'

export type MetricsListener = (jid: string, content: Record<string, Record<string, string>>) => void
export type PrintRowListener = (identifier: string, row: string) => void

export interface WorldOptions {
  seed: number
  now: () => number
  submissionLines: number
  /** Tasks in all (issue 23): past the fixed cast of twelve, generated ones (`scale-catalog.ts`). */
  jobs?: number
  /** Status changes the generated jobs start per tick (a fraction is a chance); 0 = none. */
  churnPerTick?: number
}

export const PRINT_TASK_ID = 11

export class World {
  readonly rng: SeededRandom
  readonly tasks: TaskRecord[]
  readonly clusters: ClusterRecord[]
  readonly configurations = createClusterConfigurations()
  readonly taskManagers: TaskManagerRecord[]
  readonly instances: JobInstanceRecord[]
  readonly console: ProcessConsole
  readonly jvm: JvmFigures
  /** Flink's side of each job: checkpoints, backpressure, reachability, savepoints, alerts, Flink logs. */
  readonly health = new JobHealth()
  /** Fault controls: tasks whose jobs fail over again and again, sources whose lag grows. */
  readonly restartLoops = new RestartLoops()
  readonly sourceLag = new SourceLag()
  /** Whether Dinky's rows carry the failover count; real Dinky never writes it (null), see `nullRestartCount`. */
  writesRestartCount = true
  readonly metrics: MetricsCollector
  private readonly metricsListeners = new Set<MetricsListener>()
  private readonly printListeners = new Set<PrintRowListener>()
  private printCounter = 0
  private readonly taskIndex = new Map<number, TaskRecord>()
  private ticks = 0
  /** Chance of the generated tasks (names, statuses, churn), apart so the cast's stays the same without them. */
  private readonly scaleRng: SeededRandom

  constructor(private readonly options: WorldOptions) {
    const at = options.now()
    this.rng = createSeededRandom(options.seed)
    this.scaleRng = createSeededRandom((options.seed ^ 0x5ca1ab1e) >>> 0)
    const cast = createTasks()
    const extra = Math.max(0, (options.jobs ?? CAST_SIZE) - cast.length)
    const generated = createScaleTasks(extra, cast.length + 1, this.scaleRng)
    this.tasks = cast.concat(generated)
    for (const task of this.tasks) this.taskIndex.set(task.id, task)
    this.clusters = createClusters(at - 30 * 86_400_000)
    this.taskManagers = createTaskManagers(this.clusters, this.rng, at)
    this.instances = numbered(
      buildInitialInstances(cast, this.rng, at).concat(
        buildScaleInstances(generated, this.scaleRng, at)
      )
    )
    this.console = new ProcessConsole(this.rng, options.now)
    this.jvm = new JvmFigures(this.rng)
    this.metrics = new MetricsCollector({
      seed: options.seed,
      now: options.now,
      tasks: this.tasks,
      running: () => this.latestInstances().filter((i) => i.status === 'RUNNING'),
      emit: (jid, content) => this.metricsListeners.forEach((listener) => listener(jid, content)),
      override: (taskId, metric, at) =>
        this.sourceLag.knows(taskId, metric) ? this.sourceLag.valueOf(taskId, at) : undefined
    })
    // Earlier runs are already over (their logs are what getProcess returns); an INITIALIZING one streams. The
    // generated tasks have no console until they run again: thousands of finished logs would be held for nothing.
    const latest = this.latestInstances()
    for (const done of latest.filter((i) => i.status !== 'INITIALIZING' && i.taskId <= CAST_SIZE)) {
      this.startSubmission(done.taskId, false, () => undefined)
    }
    this.console.pump(Number.MAX_SAFE_INTEGER, 1)
    for (const starting of latest.filter((i) => i.status === 'INITIALIZING')) {
      this.startSubmission(starting.taskId, false, () =>
        setStatus(starting, 'RUNNING', options.now())
      )
    }
  }

  onMetrics(listener: MetricsListener): () => void {
    this.metricsListeners.add(listener)
    return () => this.metricsListeners.delete(listener)
  }

  onPrintRow(listener: PrintRowListener): () => void {
    this.printListeners.add(listener)
    return () => this.printListeners.delete(listener)
  }

  task(taskId: number): TaskRecord | undefined {
    return this.taskIndex.get(taskId)
  }

  /** Dinky's default list: the instance with the highest id of each task. */
  latestInstances(): JobInstanceRecord[] {
    const latest = new Map<number, JobInstanceRecord>()
    for (const instance of this.instances) {
      const seen = latest.get(instance.taskId)
      if (!seen || instance.id > seen.id) latest.set(instance.taskId, instance)
    }
    return [...latest.values()].sort((a, b) => a.id - b.id)
  }

  latestOf(taskId: number): JobInstanceRecord | undefined {
    return this.latestInstances().find((instance) => instance.taskId === taskId)
  }

  /** One step of the world: job transitions, cluster flips, task-manager heartbeats, metrics, printed rows. */
  tick(): void {
    const at = this.options.now()
    const generated: JobInstanceRecord[] = []
    for (const instance of this.latestInstances()) {
      const before = instance.status
      const cast = instance.taskId <= CAST_SIZE
      if (!cast) generated.push(instance)
      const outcome = stepInstance(
        instance,
        this.task(instance.taskId)?.batchModel ?? false,
        this.rng,
        at,
        cast
      )
      if (outcome === 'resubmit') this.submit(instance.taskId)
      if (before === 'RUNNING' && instance.status === 'RESTARTING')
        this.health.recordRestart(instance, at)
    }
    this.ticks += 1
    resaveRunning(generated, this.ticks, at)
    const isBatch = (taskId: number) => this.task(taskId)?.batchModel ?? false
    const churn = churnTick(generated, isBatch, this.options.churnPerTick ?? 0, this.scaleRng, at)
    for (const instance of churn.restarted) this.health.recordRestart(instance, at)
    for (const taskId of churn.resubmit) this.submit(taskId)
    for (const instance of this.restartLoops.tick((taskId) => this.latestOf(taskId), at))
      this.health.recordRestart(instance, at)
    for (const cluster of this.clusters.filter((c) => !c.autoRegisters)) {
      if (cluster.available ? this.rng.chance(0.01) : this.rng.chance(0.2))
        cluster.available = !cluster.available
    }
    refreshTaskManagers(this.taskManagers, this.clusters, this.instances, this.rng, at)
    this.health.tick(this.latestInstances(), at, this.taskManagers, (i) => i.taskId <= CAST_SIZE)
    for (const instance of this.latestInstances().filter((i) => i.status === 'RUNNING')) {
      const vertex = instance.jid.slice(0, 16) + 'cbc357ccb763df2852fee8c4fc7d55f2'.slice(16)
      const rate = (this.rng.int(200, 5000) / 10).toFixed(1)
      const content = {
        [vertex]: { '0.numRecordsInPerSecond': rate, '0.numRecordsOutPerSecond': rate }
      }
      for (const listener of this.metricsListeners) listener(instance.jid, content)
    }
    if (!this.metrics.independentPace) this.metrics.collect()
    if (this.latestOf(PRINT_TASK_ID)?.status === 'RUNNING')
      this.printRow(printIdentifier(), this.nextRow())
  }

  /** Streams owed console lines of running submissions. */
  pumpLogs(elapsedMs: number, linesPerSecond: number): void {
    this.console.pump(elapsedMs, linesPerSecond)
  }

  /** A new run of `FlinkSubmit/<taskId>` (new key) and a new job instance, RUNNING once the run succeeds. */
  submit(taskId: number, fails = false): JobInstanceRecord {
    const task = this.requireTask(taskId)
    const at = this.options.now()
    const previous = this.latestOf(taskId)
    const instance: JobInstanceRecord = {
      id: Math.max(0, ...this.instances.map((i) => i.id)) + 1,
      tenantId: TENANT_ID,
      name: task.name,
      taskId,
      step: task.step,
      clusterId: task.clusterId,
      jid: this.rng.hex(32),
      status: 'INITIALIZING',
      historyId: Math.max(0, ...this.instances.map((i) => i.historyId)) + 1,
      error: null,
      createTime: at,
      updateTime: at,
      finishTime: null,
      failedRestartCount: 0,
      pendingTicks: 0,
      rootException: null,
      exceptionTime: null
    }
    if (previous && !DONE.includes(previous.status)) setStatus(previous, 'CANCELED', at)
    this.instances.push(instance)
    this.startSubmission(taskId, fails, (failed) => {
      const now = this.options.now()
      if (failed) {
        instance.error = 'org.apache.flink.table.api.ValidationException: SQL validation failed'
        setStatus(instance, 'FAILED', now)
      } else if (instance.status === 'INITIALIZING') setStatus(instance, 'RUNNING', now)
    })
    return instance
  }

  /** The latest instance of the task fails now, with a Flink root exception. */
  failJob(taskId: number): JobInstanceRecord {
    const instance = this.requireLatest(taskId)
    setStatus(instance, 'FAILED', this.options.now())
    return instance
  }

  /**
   * Brings a task back after a failure as Dinky's `restartTask` does for a finished job: a new submission, so a new
   * job instance (new id and jid) that is INITIALIZING, then RUNNING once its submission's console run ends
   * (`settle`: the run ends now, so the instance is RUNNING on return).
   */
  recoverJob(taskId: number, settle = false): JobInstanceRecord {
    const instance = this.submit(taskId)
    if (settle) this.console.complete(`FlinkSubmit/${taskId}`)
    return instance
  }

  /** `GET /api/task/cancel`: CANCELLING now, CANCELED at the next tick; a running submission is killed. */
  cancel(taskId: number): boolean {
    const instance = this.requireLatest(taskId)
    const process = this.console.get(`FlinkSubmit/${taskId}`)
    if (process?.status === 'RUNNING') this.console.finish(process, 'CANCELED')
    if (DONE.includes(instance.status)) return false
    setStatus(instance, 'CANCELLING', this.options.now(), 1)
    return true
  }

  setClusterAvailable(clusterId: number, available: boolean): void {
    const cluster = this.clusters.find((c) => c.id === clusterId)
    if (!cluster) throw new Error(`No cluster ${clusterId}`)
    cluster.available = available
  }

  printRow(identifier: string, row: string): void {
    for (const listener of this.printListeners) listener(identifier, row)
  }

  private startSubmission(taskId: number, fails: boolean, onDone: (failed: boolean) => void): void {
    const task = this.requireTask(taskId)
    const cluster = this.clusters.find((c) => c.id === task.clusterId)
    const name = `FlinkSubmit/${taskId}`
    const jid = this.latestOf(taskId)?.jid ?? ''
    const script = {
      processName: name,
      taskName: task.name,
      statement: task.statement,
      jid,
      clusterAddress: cluster?.jobManagerHost ?? '',
      totalRecords: this.options.submissionLines,
      fails
    }
    this.console.start(name, script, onDone)
  }

  private nextRow(): string {
    this.printCounter += 1
    return `+I[${this.printCounter}, order-${this.rng.hex(6)}, ${this.rng.int(1, 999)}.00]`
  }

  private requireTask(taskId: number): TaskRecord {
    const task = this.task(taskId)
    if (!task) throw new Error(`No task ${taskId}`)
    return task
  }

  private requireLatest(taskId: number): JobInstanceRecord {
    const instance = this.latestOf(taskId)
    if (!instance) throw new Error(`No job instance for task ${taskId}`)
    return instance
  }
}

/** The `printnet` sink identifier of the print task (`ObjectIdentifier.asSerializableString()`). */
export function printIdentifier(): string {
  return '`default_catalog`.`default_database`.`print_debug_orders`'
}
