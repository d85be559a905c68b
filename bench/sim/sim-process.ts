/** The benchmark's handle on a simulator running in a child process: fork, request/reply, close. */
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { RunsReport, RunsRequest, SimMessage, SimRequest } from './sim-protocol'

const CHILD = fileURLToPath(new URL('./sim-child.ts', import.meta.url))

export interface SimProcess {
  url: string
  /** The process the firehose writes to, e.g. `FlinkSubmit/1`. */
  processName: string
  runs(request: Omit<RunsRequest, 'op'>): Promise<RunsReport>
  request(request: SimRequest): Promise<unknown>
  /**
   * Sends one-line runs until `arrived()` says a consumer saw one: its subscription is in place. Why: a stream
   * is open before its subscribe call lands, and events sent meanwhile reach nobody.
   */
  primeUntil(arrived: () => boolean): Promise<void>
  close(): Promise<void>
}

/** Forks the simulator; why a child: the producer's CPU must not be charged to the consumer measured here. */
export async function forkSimulator(options: { heartbeatMs?: number } = {}): Promise<SimProcess> {
  const child = fork(CHILD, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_SIM_HEARTBEAT_MS: String(options.heartbeatMs ?? 9_000) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc']
  })
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()
  let nextId = 1
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const ready = new Promise<Extract<SimMessage, { type: 'ready' }>>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`simulator exited early (${code})`)))
    child.on('message', (raw) => {
      const message = raw as SimMessage
      if (message.type === 'ready') return resolve(message)
      const pending = waiting.get(message.id)
      waiting.delete(message.id)
      if (message.type === 'reply') pending?.resolve(message.value)
      else pending?.reject(new Error(message.message))
    })
  })
  const { url, processName } = await ready
  const request = (req: SimRequest) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++
      waiting.set(id, { resolve, reject })
      child.send({ id, request: req })
    })
  let closing: Promise<void> | null = null
  return {
    url,
    processName,
    request,
    runs: (req) => request({ op: 'runs', ...req }) as Promise<RunsReport>,
    primeUntil: async (arrived) => {
      const deadline = Date.now() + 10_000
      while (!arrived()) {
        if (Date.now() > deadline) throw new Error('no consumer received the simulator events')
        await request({ op: 'runs', runLines: 1, linesPerEvent: 1, maxLines: 1 })
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
    close: () =>
      (closing ??= (async () => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
        await request({ op: 'close' }).catch(() => undefined)
        await exited
        clearTimeout(timer)
      })())
  }
}
