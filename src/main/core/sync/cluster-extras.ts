/**
 * The parts of a snapshot that may fail without failing the REST stream: task managers (Dinky asks each
 * JobManager, which it may not reach) and system info (absent before Dinky 1.1). A failure keeps the last value.
 */
import type { Cluster, SysInfo, TaskManager } from '../../../shared/models'
import { DinkyError } from '../dinky/dinky-error'
import type { DinkyClient } from '../dinky/types'
import type { Logger } from '../ports'

/** A short, secret-free description of a failure for debug logs. */
export function describeFailure(error: unknown): string {
  if (error instanceof DinkyError) return `${error.endpoint}: ${error.detail}`
  return error instanceof Error ? error.message : String(error)
}

export class ClusterExtras {
  private readonly taskManagers = new Map<number, TaskManager[]>()
  private sysInfoSupported = true

  constructor(
    private readonly client: Pick<DinkyClient, 'taskManagers' | 'sysInfo'>,
    private readonly logger: Logger
  ) {}

  /** Task managers of every available cluster, by cluster id; clusters gone from the list are forgotten. */
  async taskManagersOf(clusters: readonly Cluster[]): Promise<Record<number, TaskManager[]>> {
    await Promise.all(
      clusters.map(async (cluster) => {
        if (!cluster.jobManagerHost || !cluster.available) return
        try {
          this.taskManagers.set(cluster.id, await this.client.taskManagers(cluster.jobManagerHost))
        } catch (error) {
          const fields = { cluster: cluster.name, error: describeFailure(error) }
          this.logger.debug('task managers unavailable', fields)
        }
      })
    )
    const ids = new Set(clusters.map((cluster) => cluster.id))
    for (const id of this.taskManagers.keys()) if (!ids.has(id)) this.taskManagers.delete(id)
    return Object.fromEntries(this.taskManagers)
  }

  /** System info, or null when unavailable; a 4xx (Dinky 1.0 has no getSysInfo) stops further asking. */
  async sysInfo(): Promise<SysInfo | null> {
    if (!this.sysInfoSupported) return null
    try {
      return await this.client.sysInfo()
    } catch (error) {
      if (error instanceof DinkyError && error.reason === 'http-4xx') this.sysInfoSupported = false
      this.logger.debug('system info unavailable', { error: describeFailure(error) })
      return null
    }
  }
}
