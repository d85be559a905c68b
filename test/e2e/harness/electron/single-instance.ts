/**
 * `app.requestSingleInstanceLock()` across processes, as Electron does it on Linux: a lock file in userData and a
 * socket the second instance uses to hand its argv to the first, which then emits 'second-instance'.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createConnection, createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { getAppPath } from './app-paths'

type SecondInstanceListener = (
  argv: string[],
  workingDirectory: string,
  additionalData: unknown
) => void

let server: Server | null = null
let forwarding: Promise<void> = Promise.resolve()

const lockFile = () => join(getAppPath('userData'), 'SingletonLock')
const socketFile = () => join(getAppPath('userData'), 'SingletonSocket')

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function listenForSecondInstances(onSecondInstance: SecondInstanceListener): void {
  rmSync(socketFile(), { force: true })
  server = createServer((socket) => {
    let text = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (text += chunk))
    socket.on('end', () => {
      const message = JSON.parse(text) as { argv: string[]; cwd: string; data: unknown }
      onSecondInstance(message.argv, message.cwd, message.data)
    })
  })
  server.listen(socketFile())
  server.unref()
}

function forwardToFirstInstance(additionalData: unknown): void {
  forwarding = new Promise((resolve) => {
    const socket = createConnection(socketFile(), () => {
      socket.end(
        JSON.stringify({ argv: process.argv, cwd: process.cwd(), data: additionalData ?? null })
      )
    })
    socket.on('close', () => resolve())
    socket.on('error', () => resolve())
  })
}

/** True when this process now holds the lock; false (after telling the holder) when another live process does. */
export function requestSingleInstanceLock(
  additionalData: unknown,
  onSecondInstance: SecondInstanceListener
): boolean {
  if (server) return true
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile(), String(process.pid), { flag: 'wx' })
      listenForSecondInstances(onSecondInstance)
      return true
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number(readFileSync(lockFile(), 'utf8'))
      if (isAlive(holder) && holder !== process.pid) {
        forwardToFirstInstance(additionalData)
        return false
      }
      rmSync(lockFile(), { force: true })
    }
  }
  return false
}

export function hasSingleInstanceLock(): boolean {
  return server !== null
}

/** Waits until a second instance has finished handing over its argv (before it exits). */
export function singleInstanceForwarded(): Promise<void> {
  return forwarding
}

export function releaseSingleInstanceLock(): void {
  if (!server) return
  server.close()
  server = null
  rmSync(lockFile(), { force: true })
  rmSync(socketFile(), { force: true })
}
