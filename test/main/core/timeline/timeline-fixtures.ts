/** Test helpers for the timeline: jobs, an in-memory module cache, a logger that keeps its warnings. */
import type { ModuleCache } from '../../../../src/main/core/cache/module-cache'
import { silentLogger } from '../../../../src/main/core/logger'
import type { Logger } from '../../../../src/main/core/ports'
import type { Job, JobStatus } from '../../../../src/shared/models'

export function job(id: number, status: JobStatus, extra: Partial<Job> = {}): Job {
  return {
    id,
    taskId: id * 10,
    name: `job-${id}`,
    status,
    jid: null,
    type: null,
    step: 2,
    createTime: null,
    updateTime: null,
    finishTime: null,
    durationMs: null,
    failedRestartCount: 0,
    ...extra
  }
}

/** A module cache in memory that counts its writes (what the store would write is the last value). */
export function memoryModule(
  initial: unknown = null
): ModuleCache & { writes: number; value: unknown } {
  const cache = {
    writes: 0,
    value: initial,
    read: () => cache.value,
    write(value: Record<string, unknown>) {
      cache.value = JSON.parse(JSON.stringify(value))
      cache.writes++
    }
  }
  return cache
}

/** A logger that keeps its warnings, to check a problem is told once. */
export function warningLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = []
  const logger: Logger & { warnings: string[] } = {
    ...silentLogger,
    warnings,
    warn: (message, fields) => void warnings.push(`${message} ${JSON.stringify(fields ?? {})}`),
    child: () => logger
  }
  return logger
}
