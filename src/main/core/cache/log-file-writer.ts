/**
 * The two writes a log-tail file needs: an append that never creates a file (so a file always starts with its
 * header), and a whole-file replace through a temporary file and a rename (so a kill leaves the old or the new
 * file, never a torn one). Injected so tests can count writes.
 */
import { mkdir, open, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'

export interface LogFileWriter {
  /** Appends to an existing file; fails (ENOENT) when the file is gone, and the caller then rewrites it whole. */
  append(path: string, data: string): Promise<void>
  /** Replaces the file atomically, creating its folder when needed. */
  replace(path: string, data: string): Promise<void>
}

let temporaryCounter = 0

export const diskLogFileWriter: LogFileWriter = {
  async append(path, data) {
    const handle = await open(path, 'r+')
    try {
      const { size } = await handle.stat()
      await handle.write(data, size, 'utf8')
    } finally {
      await handle.close()
    }
  },
  async replace(path, data) {
    await mkdir(dirname(path), { recursive: true })
    const temporary = `${path}.tmp-${process.pid}-${++temporaryCounter}`
    try {
      const handle = await open(temporary, 'w')
      try {
        await handle.writeFile(data, 'utf8')
        // Durable before the rename, so a power cut cannot leave an empty file behind the new name.
        await handle.datasync()
      } finally {
        await handle.close()
      }
      await rename(temporary, path)
    } catch (error) {
      await rm(temporary, { force: true })
      throw error
    }
  }
}
