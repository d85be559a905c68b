/**
 * Clusters, cluster configurations, task managers and system info in Dinky's wire shapes. Task managers follow
 * Dinky's `TaskManagerConfiguration` (read from DataLinkDC/dinky, `data/model/devops`): Flink's `/taskmanagers`
 * objects re-serialized as JSON *strings* for `totalResource`, `freeResource`, `hardware`, `memoryConfiguration`.
 */

import type {
  ClusterConfigurationRecord,
  ClusterRecord,
  JvmRecord,
  TaskManagerRecord
} from '../world/entities'
import { TENANT_ID } from '../world/entities'
import { formatLocalDateTime } from '../world/time-format'

const MB = 1024 * 1024

/** `ClusterInstance` (SuperEntity fields first); `status` is 1 available, 0 unavailable. */
export function clusterToWire(cluster: ClusterRecord): object {
  return {
    id: cluster.id,
    name: cluster.name,
    enabled: true,
    createTime: formatLocalDateTime(cluster.createTime),
    updateTime: formatLocalDateTime(cluster.createTime),
    creator: 1,
    updater: 1,
    tenantId: TENANT_ID,
    alias: cluster.alias,
    type: cluster.type,
    hosts: cluster.hosts,
    jobManagerHost: cluster.jobManagerHost,
    version: cluster.version,
    status: cluster.available ? 1 : 0,
    note: cluster.note,
    autoRegisters: cluster.autoRegisters,
    clusterConfigurationId: cluster.clusterConfigurationId,
    taskId: cluster.taskId
  }
}

/** `ClusterConfigurationDTO` with its `FlinkClusterConfig`. */
export function clusterConfigurationToWire(configuration: ClusterConfigurationRecord): object {
  return {
    id: configuration.id,
    name: configuration.name,
    enabled: true,
    type: configuration.type,
    config: {
      type: configuration.type,
      clusterConfig: { hadoopConfigPath: '/etc/hadoop/conf', flinkLibPath: 'hdfs:///flink/lib' },
      flinkConfig: { configuration: configuration.flinkConfig },
      appConfig: { userJarPath: 'local:///opt/flink/usrlib/dinky-app.jar' },
      kubernetesConfig: null
    },
    isAvailable: configuration.isAvailable,
    note: configuration.note
  }
}

/**
 * One `TaskManagerConfiguration`; why strings: Dinky stores those Flink objects as JSON text. Like Flink's own
 * field, `timeSinceLastHeartbeat` is the epoch ms of the last heartbeat, despite its name.
 */
export function taskManagerToWire(tm: TaskManagerRecord): object {
  const resource = (slots: number) =>
    JSON.stringify({
      cpuCores: slots,
      taskHeapMemory: slots * 384,
      taskOffHeapMemory: 0,
      managedMemory: slots * 128,
      networkMemory: slots * 32,
      extendedResources: {}
    })
  return {
    containerId: tm.containerId,
    containerPath: tm.containerPath,
    dataPort: tm.dataPort,
    jmxPort: tm.jmxPort,
    timeSinceLastHeartbeat: tm.heartbeatAt,
    slotsNumber: tm.slotsNumber,
    freeSlots: tm.freeSlots,
    totalResource: resource(tm.slotsNumber),
    freeResource: resource(tm.freeSlots),
    hardware: JSON.stringify({
      cpuCores: tm.cpuCores,
      physicalMemory: tm.physicalMemory,
      freeMemory: tm.freeMemory,
      managedMemory: tm.managedMemory
    }),
    memoryConfiguration: JSON.stringify({
      frameworkHeap: 128 * MB,
      taskHeap: 384 * MB * tm.slotsNumber,
      frameworkOffHeap: 128 * MB,
      taskOffHeap: 0,
      networkMemory: 32 * MB * tm.slotsNumber,
      managedMemory: tm.managedMemory,
      jvmMetaspace: 256 * MB,
      jvmOverhead: 192 * MB,
      totalFlinkMemory: 1280 * MB,
      totalProcessMemory: 1728 * MB
    }),
    taskContainerConfigInfo: {
      metrics: null,
      taskManagerLog: null,
      taskManagerStdout: null,
      taskManagerThreadDump: null
    }
  }
}

/** `MetricsTotal` of `GET /api/system/getSysInfo`. */
export function sysInfoToWire(jvm: JvmRecord): object {
  return {
    jvm,
    cpu: {
      cpuNum: 8,
      total: 100,
      sys: 3.1,
      used: 12.4 + (jvm.cpuUsed % 10),
      wait: 0.2,
      free: 84.3
    },
    mem: { total: 32 * 1024 * MB, used: 21 * 1024 * MB, free: 11 * 1024 * MB },
    systemInfo: {
      osName: 'Linux',
      osArch: 'amd64',
      osVersion: '5.15.0-105-generic',
      jvmVersion: jvm.version,
      jvmVendor: 'Oracle Corporation',
      jvmName: 'OpenJDK 64-Bit Server VM',
      computerName: 'dinky-sim',
      computerUser: 'dinky'
    }
  }
}
