/**
 * The main process's log as files a user can send: electron-log's file transport (its Node build, so this runs
 * without Electron and in tests) writing our already formatted and redacted lines to `<logs>/main.log`, rotated at
 * `maxBytes` into main.1.log … main.<keep>.log, so the folder never holds more than (keep + 1) × maxBytes.
 */
import { existsSync, openSync, readSync, closeSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import electronLog from 'electron-log/node'
import type { LogLevel } from '../core/ports'

export interface LogFiles {
  readonly dir: string
  readonly file: string
  write(line: string, level: LogLevel): void
  /** The last `count` lines (newest last), read from the end of the current and previous file. */
  tail(count: number): string[]
}

const TAIL_BYTES = 256 * 1024

/** Shifts main.log → main.1.log → … dropping the oldest, as electron-log calls it when the file is full. */
function rotate(dir: string, keep: number): void {
  const name = (n: number) => join(dir, n === 0 ? 'main.log' : `main.${n}.log`)
  rmSync(name(keep), { force: true })
  for (let n = keep - 1; n >= 0; n--) {
    if (existsSync(name(n))) renameSync(name(n), name(n + 1))
  }
}

/** The last `bytes` of a file as text (the first, partial line dropped when the read started mid-file). */
function readEnd(path: string, bytes: number): string[] {
  if (!existsSync(path)) return []
  const size = statSync(path).size
  const length = Math.min(size, bytes)
  const buffer = Buffer.alloc(length)
  const fd = openSync(path, 'r')
  try {
    readSync(fd, buffer, 0, length, size - length)
  } finally {
    closeSync(fd)
  }
  const lines = buffer.toString('utf8').split('\n')
  if (length < size) lines.shift()
  return lines.filter((line) => line.length > 0)
}

export function createLogFiles(
  dir: string,
  options: { maxBytes?: number; keep?: number } = {}
): LogFiles {
  const maxBytes = options.maxBytes ?? 2 * 1024 * 1024
  const keep = options.keep ?? 3
  const log = electronLog.create({ logId: `dinky-console-${dir}` })
  log.transports.console.level = false
  const file = log.transports.file
  file.level = 'debug'
  file.format = '{text}'
  file.maxSize = maxBytes
  file.resolvePathFn = () => join(dir, 'main.log')
  file.archiveLogFn = () => rotate(dir, keep)
  return {
    dir,
    file: join(dir, 'main.log'),
    write(line, level) {
      log[level](line)
    },
    tail(count) {
      const current = readEnd(join(dir, 'main.log'), TAIL_BYTES)
      const lines =
        current.length >= count
          ? current
          : [...readEnd(join(dir, 'main.1.log'), TAIL_BYTES), ...current]
      return lines.slice(-count)
    }
  }
}
