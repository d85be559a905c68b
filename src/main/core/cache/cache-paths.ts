/**
 * Where the cache lives on disk. One root directory (the app's userData, or `--cache-dir` in the CLI) holds
 * `settings.json` and a `dinky-cache/` folder with one sub-folder per server profile:
 * `dinky-cache/<profile>/snapshot.json`, `dinky-cache/<profile>/logs/<process>.log`, and one document per module
 * beside sync (`module-cache.ts`: `server.json`, `timeline.json`, the job details, ...).
 * Everything under `dinky-cache/` is disposable; `settings.json` is not.
 */
import { readdir, stat } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'

/** Not `cache/`: Chromium keeps its own `Cache/` in userData, and on macOS and Windows the names would collide. */
export const CACHE_FOLDER = 'dinky-cache'
export const SETTINGS_NAME = 'settings'
export const SNAPSHOT_NAME = 'snapshot'
export const LOGS_FOLDER = 'logs'
export const LOG_EXTENSION = '.log'

/**
 * Makes any string (a profile id, a process name such as `FlinkSubmit/12`) one safe path segment, reversibly, so a
 * name can never climb out of its folder (`..`) or split into sub-folders.
 */
export function encodeSegment(name: string): string {
  return encodeURIComponent(name).replace(/\./g, '%2E').replace(/\*/g, '%2A')
}

export function decodeSegment(segment: string): string {
  return decodeURIComponent(segment)
}

export function cacheRoot(dir: string): string {
  return join(dir, CACHE_FOLDER)
}

export function profileDir(dir: string, profileId: string): string {
  return join(cacheRoot(dir), encodeSegment(profileId))
}

export function logsDir(dir: string, profileId: string): string {
  return join(profileDir(dir, profileId), LOGS_FOLDER)
}

export function logFilePath(dir: string, profileId: string, process: string): string {
  return join(logsDir(dir, profileId), encodeSegment(process) + LOG_EXTENSION)
}

/** Bytes of every file below `path`; a missing path weighs nothing (a cache never written is not an error). */
export async function bytesBelow(path: string): Promise<number> {
  let info
  try {
    info = await stat(path)
  } catch (error) {
    if (isMissing(error)) return 0
    throw error
  }
  if (!info.isDirectory()) return info.size
  let total = 0
  for (const entry of await readdir(path).catch(() => [] as string[])) {
    total += await bytesBelow(join(path, entry))
  }
  return total
}

export function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT'
}

/**
 * The app's userData folder as Electron computes it (`appData/<productName>`), so the CLI reads and clears the
 * same cache as the app without loading Electron.
 */
export function defaultUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform
): string {
  const productName = 'Dinky Console'
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', productName)
  if (platform === 'win32') {
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), productName)
  }
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), productName)
}
