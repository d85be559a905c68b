/**
 * Flink task managers of the simulated clusters, with the fields Flink's `/taskmanagers` REST answer carries and
 * Dinky copies into `TaskManagerConfiguration`: slots, hardware (cores, memory) and the heartbeat age.
 */

import type { ClusterRecord, JobInstanceRecord, TaskManagerRecord } from './entities'
import type { SeededRandom } from './seeded-random'

const GB = 1024 * 1024 * 1024

/** Two or three task managers per cluster; why seeded: ids and ports show up in tests. */
export function createTaskManagers(
  clusters: readonly ClusterRecord[],
  rng: SeededRandom,
  at: number
): TaskManagerRecord[] {
  const managers: TaskManagerRecord[] = []
  for (const cluster of clusters) {
    const host = cluster.jobManagerHost.split(':')[0]
    const count = cluster.autoRegisters ? 1 : rng.int(2, 3)
    for (let i = 0; i < count; i++) {
      const port = rng.int(33000, 45000)
      const slots = cluster.type === 'standalone' ? 4 : 2
      managers.push({
        clusterId: cluster.id,
        containerId: `${host}:${port}-${rng.hex(6)}`,
        containerPath: `akka.tcp://flink@${host}:${port}/user/rpc/taskmanager_0`,
        dataPort: rng.int(34000, 46000),
        jmxPort: -1,
        slotsNumber: slots,
        freeSlots: slots,
        cpuCores: slots * 2,
        physicalMemory: 32 * GB,
        freeMemory: rng.int(8, 20) * GB,
        managedMemory: Math.round(0.4 * 1.7 * GB),
        heartbeatAt: at
      })
    }
  }
  return managers
}

/** Heartbeats of available clusters move forward; free slots follow the running jobs of each cluster. */
export function refreshTaskManagers(
  managers: TaskManagerRecord[],
  clusters: readonly ClusterRecord[],
  instances: readonly JobInstanceRecord[],
  rng: SeededRandom,
  at: number
): void {
  for (const cluster of clusters) {
    const own = managers.filter((tm) => tm.clusterId === cluster.id)
    let busy = instances.filter((i) => i.clusterId === cluster.id && i.status === 'RUNNING').length
    for (const tm of own) {
      if (cluster.available) tm.heartbeatAt = at - rng.int(0, 3000)
      const used = Math.min(tm.slotsNumber, busy)
      busy -= used
      tm.freeSlots = tm.slotsNumber - used
      tm.freeMemory = Math.max(2 * GB, tm.freeMemory + rng.int(-1, 1) * 64 * 1024 * 1024)
    }
  }
}
