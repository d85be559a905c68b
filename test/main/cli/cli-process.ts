/** Test helper: runs the CLI from source as a child process (`node --import tsx src/main/cli.ts`). */
import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { STUCK_MS } from '../../support/wait-until'

const ROOT = resolve(import.meta.dirname, '../../..')

export interface CliRun {
  child: ChildProcess
  stdout: string[]
  stderr(): string
  /** Resolves with the first stdout line matching, or rejects after `timeoutMs` (only a stuck CLI reaches it). */
  waitForLine(what: string, match: (line: string) => boolean, timeoutMs?: number): Promise<string>
  exit: Promise<number | null>
}

export function runCli(args: string[], env: Record<string, string> = {}): CliRun {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const stdout: string[] = []
  let partial = ''
  let errText = ''
  const waiters = new Set<() => void>()
  child.stdout?.setEncoding('utf8').on('data', (data: string) => {
    const parts = (partial + data).split('\n')
    partial = parts.pop() ?? ''
    stdout.push(...parts)
    for (const wake of [...waiters]) wake()
  })
  child.stderr?.setEncoding('utf8').on('data', (data: string) => (errText += data))
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
  return {
    child,
    stdout,
    stderr: () => errText,
    exit,
    waitForLine(what, match, timeoutMs = STUCK_MS) {
      return new Promise((resolveLine, reject) => {
        const check = () => {
          const line = stdout.find(match)
          if (line === undefined) return
          cleanup()
          resolveLine(line)
        }
        const timer = setTimeout(() => {
          cleanup()
          reject(new Error(`timed out waiting for ${what}; stderr: ${errText.slice(-500)}`))
        }, timeoutMs)
        const cleanup = () => {
          clearTimeout(timer)
          waiters.delete(check)
        }
        waiters.add(check)
        check()
        void exit.then(() => {
          if (!waiters.has(check)) return
          cleanup()
          reject(new Error(`the CLI exited before ${what}; stderr: ${errText.slice(-500)}`))
        })
      })
    }
  }
}
