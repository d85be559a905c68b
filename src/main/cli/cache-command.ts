/**
 * `dinky-console cache info|clear [--cache-dir DIR]`: how much the offline cache weighs per server, and the same
 * "clear cache" as the app's button (snapshots and log tails go; profiles and settings stay). Without `--cache-dir`
 * it works on the app's own userData folder. A folder that does not exist is an empty cache, not an error.
 */
import { maxOf } from '../../shared/array-bounds'
import type { Logger } from '../core/ports'
import { cacheRoot, defaultUserDataDir } from '../core/cache/cache-paths'
import { createConfCacheStore } from '../core/cache/conf-cache-store'

export interface CacheCommand {
  action: 'clear' | 'info'
  cacheDir: string | null
  /** Clear only this profile (default: all). */
  profileId?: string | null
  /** One JSON object on stdout instead of text. */
  json?: boolean
}

export interface CacheCommandIo {
  out(line: string): void
  logger: Logger
  env: Record<string, string | undefined>
}

/** `1536` → `1.5 KiB`: sizes a person reads at a glance; the exact byte count is printed beside the total. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`
}

/**
 * Runs the command and returns the exit code (always 0: there is nothing to fail at but I/O, which throws to
 * the CLI's own error handler). Shaped so `run-cli.ts` can pass its parsed `cache` command and its io straight in.
 */
export async function runCacheCommand(command: CacheCommand, io: CacheCommandIo): Promise<number> {
  const dir = command.cacheDir ?? defaultUserDataDir(io.env)
  const store = createConfCacheStore({ dir, logger: io.logger })
  try {
    if (command.action === 'info') {
      const profiles = await store.info()
      const totalBytes = profiles.reduce((sum, entry) => sum + entry.bytes, 0)
      if (command.json) {
        io.out(JSON.stringify({ dir: cacheRoot(dir), profiles, totalBytes }))
      } else if (profiles.length === 0) {
        io.out(`No cached data in ${cacheRoot(dir)}`)
      } else {
        const width = maxOf(
          profiles.map((entry) => entry.profileId.length),
          5
        )
        io.out(`Cached data in ${cacheRoot(dir)}`)
        for (const entry of profiles) {
          io.out(`  ${entry.profileId.padEnd(width)}  ${formatBytes(entry.bytes).padStart(10)}`)
        }
        io.out(
          `  ${'total'.padEnd(width)}  ${formatBytes(totalBytes).padStart(10)} (${totalBytes} bytes)`
        )
      }
      return 0
    }
    const { bytesFreed } = await store.clear(command.profileId ?? null)
    if (command.json) io.out(JSON.stringify({ dir: cacheRoot(dir), bytesFreed }))
    else io.out(`Freed ${formatBytes(bytesFreed)} (${bytesFreed} bytes) from ${cacheRoot(dir)}`)
    return 0
  } finally {
    await store.close()
  }
}
