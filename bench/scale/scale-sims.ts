/** The `scale` benchmark's handle on its simulators' child process: fork, request/reply, close. */
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { ScaleServerStats, ScaleSimMessage, ScaleSimRequest } from './scale-sim-protocol'

const CHILD = fileURLToPath(new URL('./scale-sim-child.ts', import.meta.url))

export interface ScaleSims {
  urls: string[]
  stats(): Promise<ScaleServerStats[]>
  change(server: number, count: number): Promise<number>
  churn(tickMs: number): Promise<void>
  close(): Promise<void>
}

/** Forks `servers` simulators of `jobs` jobs each; why one child for all: the machine has few cores. */
export async function forkScaleSims(servers: number, jobs: number): Promise<ScaleSims> {
  const child = fork(CHILD, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_SCALE_JOBS: String(jobs), BENCH_SCALE_SERVERS: String(servers) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc']
  })
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()
  let nextId = 1
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const ready = new Promise<string[]>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the scale simulators exited early (${code})`)))
    child.on('message', (raw) => {
      const message = raw as ScaleSimMessage
      if (message.type === 'ready') return resolve(message.urls)
      const pending = waiting.get(message.id)
      waiting.delete(message.id)
      if (message.type === 'reply') pending?.resolve(message.value)
      else pending?.reject(new Error(message.message))
    })
  })
  const urls = await ready
  const request = (req: ScaleSimRequest) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++
      waiting.set(id, { resolve, reject })
      child.send({ id, request: req })
    })
  let closing: Promise<void> | null = null
  return {
    urls,
    stats: () => request({ op: 'stats' }) as Promise<ScaleServerStats[]>,
    change: (server, count) => request({ op: 'change', server, count }) as Promise<number>,
    churn: async (tickMs) => void (await request({ op: 'churn', tickMs })),
    close: () =>
      (closing ??= (async () => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
        await request({ op: 'close' }).catch(() => undefined)
        await exited
        clearTimeout(timer)
      })())
  }
}
