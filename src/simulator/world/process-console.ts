/**
 * Dinky's `ConsoleContextHolder`: the processes (`FlinkSubmit/<taskId>`) and their console logs. Every appended
 * record notifies listeners with the whole process, as Dinky re-sends the whole `ProcessEntity` on every line;
 * that O(n²) cost is kept on purpose, clients must cope with it.
 */

import {
  createSubmissionScript,
  formatLogRecord,
  type LogRecord,
  type ScriptInput
} from './console-script'
import type { ProcessRecord, ProcessStatus, ProcessStepRecord } from './entities'
import type { SeededRandom } from './seeded-random'

export type ProcessListener = (process: ProcessRecord) => void

interface RunningScript {
  records: LogRecord[]
  next: number
  /** Fractional lines owed by the pump. */
  owed: number
  onDone: (failed: boolean) => void
  fails: boolean
}

const STEP_TYPES = ['SUBMIT_PRECHECK', 'SUBMIT_BUILD_CONFIG', 'SUBMIT_EXECUTE'] as const
/** Shares of a script after which the precheck and build-config steps are done. */
const STEP_ENDS = [0.1, 0.25] as const

export class ProcessConsole {
  private readonly processes = new Map<string, ProcessRecord>()
  private readonly scripts = new Map<string, RunningScript>()
  private readonly listeners = new Set<ProcessListener>()

  constructor(
    private readonly rng: SeededRandom,
    private readonly now: () => number
  ) {}

  onUpdate(listener: ProcessListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get(name: string): ProcessRecord | undefined {
    return this.processes.get(name)
  }

  list(): ProcessRecord[] {
    return [...this.processes.values()]
  }

  runningCount(): number {
    return this.scripts.size
  }

  /** Starts a new run under `name`: a new key, an empty log, and a script the pump will stream. */
  start(name: string, script: ScriptInput, onDone: (failed: boolean) => void): ProcessRecord {
    const at = this.now()
    const steps = STEP_TYPES.map((type) => this.step(type, at))
    const process: ProcessRecord = {
      name,
      key: this.rng.uuid(),
      title: name.split('/')[0],
      type: 'FLINK_SUBMIT',
      status: 'RUNNING',
      startTime: at,
      endTime: null,
      log: '',
      steps: [{ ...this.step('SUBMIT_TASK', at), children: steps }],
      threadId: this.rng.int(80, 400)
    }
    this.processes.set(name, process)
    const records = createSubmissionScript(script, this.rng)
    this.scripts.set(name, { records, next: 0, owed: 0, onDone, fails: script.fails })
    return process
  }

  /** Appends records to a process (creating an idle one if needed) and notifies once per record. */
  append(name: string, messages: readonly string[]): ProcessRecord {
    let process = this.processes.get(name)
    if (!process) {
      process = this.start(name, emptyScript(name), () => undefined)
      this.scripts.delete(name)
    }
    for (const message of messages) {
      this.appendLine(
        process,
        formatLogRecord({ level: 'INFO', logger: 'org.dinky.sim', message }, this.now())
      )
    }
    return process
  }

  /** Appends `lines` raw lines in one record: the firehose's unit, one notification. */
  appendBatch(name: string, lines: readonly string[]): ProcessRecord {
    const process = this.processes.get(name) ?? this.append(name, [])
    this.appendLine(process, lines.join('\n'))
    return process
  }

  /** Streams owed lines of every running script; `elapsedMs` at `linesPerSecond` decides how many. */
  pump(elapsedMs: number, linesPerSecond: number): void {
    for (const [name, script] of [...this.scripts])
      this.stream(name, script, (elapsedMs / 1000) * linesPerSecond)
  }

  /** Streams the rest of one run's script now (a recovery a test does not want to wait for). */
  complete(name: string): void {
    const script = this.scripts.get(name)
    if (script) this.stream(name, script, script.records.length)
  }

  private stream(name: string, script: RunningScript, lines: number): void {
    const process = this.processes.get(name)
    if (!process) return
    script.owed += lines
    while (script.owed >= 1 && script.next < script.records.length) {
      script.owed -= 1
      this.appendLine(process, formatLogRecord(script.records[script.next++], this.now()))
      if (STEP_ENDS.some((share) => script.next === Math.ceil(script.records.length * share))) {
        const open = process.steps[0].children.find((child) => child.endTime === null)
        if (open) closeStep(open, 'FINISHED', this.now())
      }
    }
    if (script.next >= script.records.length) {
      this.scripts.delete(name)
      this.finish(process, script.fails ? 'FAILED' : 'FINISHED')
      script.onDone(script.fails)
    }
  }

  /** Ends a run (a cancel kills the submission): status, end time, one last notification. */
  finish(process: ProcessRecord, status: ProcessStatus): void {
    this.scripts.delete(process.name)
    const at = this.now()
    process.status = status
    process.endTime = at
    for (const step of process.steps) closeStep(step, status, at)
    this.notify(process)
  }

  private appendLine(process: ProcessRecord, line: string): void {
    process.log += `${line}\n`
    const current = currentStep(process.steps[0])
    current.log += `${line}\n`
    this.notify(process)
  }

  private notify(process: ProcessRecord): void {
    for (const listener of this.listeners) listener(process)
  }

  private step(type: string, at: number): ProcessStepRecord {
    return {
      key: this.rng.uuid(),
      title: type,
      status: 'RUNNING',
      type,
      startTime: at,
      endTime: null,
      log: '',
      children: []
    }
  }
}

function emptyScript(name: string): ScriptInput {
  return {
    processName: name,
    taskName: name,
    statement: '',
    jid: '',
    clusterAddress: '',
    totalRecords: 0,
    fails: false
  }
}

/** The step a new line belongs to: the last child still open, else the parent. */
function currentStep(root: ProcessStepRecord): ProcessStepRecord {
  return root.children.find((child) => child.endTime === null) ?? root
}

function closeStep(step: ProcessStepRecord, status: ProcessStatus, at: number): void {
  if (step.endTime === null) {
    step.endTime = at
    step.status = status
  }
  for (const child of step.children) closeStep(child, status, at)
}
