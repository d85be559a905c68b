/** Shared fixtures of the cache tests: model values, a temp folder and a logger that records warnings. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Logger, LogFields } from '../../../../src/main/core/ports'
import type {
  Cluster,
  Job,
  StatusCounts,
  SysInfo,
  TaskManager
} from '../../../../src/shared/models'

export function makeJob(id: number, status: Job['status'] = 'RUNNING'): Job {
  return {
    id,
    taskId: id * 10,
    name: `job-${id}`,
    status,
    jid: `jid-${id}`,
    type: 'local',
    step: 2,
    createTime: '2024-08-27 10:15:30',
    updateTime: null,
    finishTime: null,
    durationMs: 1000,
    failedRestartCount: 0
  }
}

export function makeCounts(running: number): StatusCounts {
  const zero = { all: running, initializing: 0, running, finished: 0, failed: 0, canceled: 0 }
  return {
    ...zero,
    restarting: 0,
    created: 0,
    failing: 0,
    cancelling: 0,
    suspended: 0,
    reconciling: 0,
    unknown: 0
  }
}

export function makeCluster(id: number): Cluster {
  return {
    id,
    name: `cluster-${id}`,
    alias: null,
    type: 'standalone',
    hosts: '127.0.0.1:8081',
    jobManagerHost: '127.0.0.1:8081',
    version: '1.18.1',
    available: true,
    enabled: true,
    autoRegisters: false,
    note: null
  }
}

export function makeTaskManager(id: string): TaskManager {
  return {
    id,
    address: `akka.tcp://flink@${id}:6122`,
    slotsTotal: 4,
    slotsFree: 2,
    cpuCores: 4,
    physicalMemoryBytes: 8e9,
    freeMemoryBytes: 4e9,
    heapBytes: 1e9,
    sinceHeartbeatMs: 500
  }
}

export function makeSysInfo(): SysInfo {
  const jvm = {
    total: 1,
    max: 2,
    free: 1,
    cpuUsed: 0.5,
    nonHeapMax: 1,
    nonHeapUsed: 1,
    heapMax: 2,
    heapUsed: 1,
    threadPeakCount: 10,
    threadCount: 8,
    version: '1.8.0',
    home: '/usr/lib/jvm'
  }
  return {
    jvm,
    cpu: { cpuNum: 4, total: 100, sys: 5, used: 10, wait: 0, free: 85 },
    mem: { total: 8, used: 4, free: 4 },
    systemInfo: {
      osName: 'Linux',
      osArch: 'amd64',
      osVersion: '6.1',
      jvmVersion: '1.8',
      jvmVendor: 'Oracle',
      jvmName: 'HotSpot',
      computerName: 'dinky',
      computerUser: 'dinky'
    }
  }
}

/** A fresh temp folder and its remover, for `beforeEach`/`afterEach`. */
export function makeTempDir(prefix = 'dinky-cache-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

export interface RecordedLine {
  level: string
  message: string
  fields?: LogFields
}

/** A logger that keeps what it is told, so tests can assert a warning was (or was not) logged. */
export function recordingLogger(lines: RecordedLine[] = []): Logger & { lines: RecordedLine[] } {
  const at = (level: string) => (message: string, fields?: LogFields) => {
    lines.push({ level, message, fields })
  }
  const logger = {
    lines,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: () => logger
  }
  return logger
}
