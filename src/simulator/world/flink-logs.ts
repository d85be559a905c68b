/**
 * Flink's own logs as Dinky relays them (`FlinkAPI.getJobManagerLog/StdOut/ThreadDump`, `getTaskManagerLog`):
 * one append-only JobManager log per cluster fed by what happens to its jobs (checkpoints triggered, completed,
 * declined), and a TaskManager log per container. Bounded: past {@link MAX_LINES} a log rotates (keeps its newer
 * half), as a Flink log file rolls over.
 */

import { formatLogTime } from './time-format-flink'

const MAX_LINES = 4_000

export class FlinkLogs {
  private readonly jobManager = new Map<number, string[]>()
  private readonly taskManager = new Map<string, string[]>()

  /** A Log4j line as Flink's default `log4j.properties` pattern writes it. */
  line(at: number, level: 'INFO' | 'WARN' | 'ERROR', logger: string, message: string): string {
    return `${formatLogTime(at)} ${level.padEnd(5)} ${logger} [] - ${message}`
  }

  appendJobManager(clusterId: number, line: string): void {
    append(this.jobManager, clusterId, line, () => [
      this.line(0, 'INFO', 'org.apache.flink.runtime.entrypoint.ClusterEntrypoint', '-'.repeat(60)),
      this.line(
        0,
        'INFO',
        'org.apache.flink.runtime.entrypoint.ClusterEntrypoint',
        'Starting StandaloneSessionClusterEntrypoint.'
      )
    ])
  }

  appendTaskManager(containerId: string, line: string): void {
    append(this.taskManager, containerId, line, () => [
      this.line(
        0,
        'INFO',
        'org.apache.flink.runtime.taskexecutor.TaskManagerRunner',
        'Starting TaskManager.'
      )
    ])
  }

  jobManagerLog(clusterId: number): string {
    return joinLines(this.jobManager.get(clusterId))
  }

  taskManagerLog(containerId: string): string {
    return joinLines(this.taskManager.get(containerId))
  }
}

function append<K>(logs: Map<K, string[]>, key: K, line: string, header: () => string[]): void {
  let lines = logs.get(key)
  if (!lines) {
    lines = header()
    logs.set(key, lines)
  }
  lines.push(line)
  if (lines.length > MAX_LINES) lines.splice(0, lines.length - MAX_LINES / 2)
}

function joinLines(lines: readonly string[] | undefined): string {
  return lines && lines.length > 0 ? lines.join('\n') + '\n' : ''
}

/** The JobManager's stdout: Flink's is usually empty but for `print` sinks; a few lines make the viewer non-empty. */
export function jobManagerStdOut(clusterName: string): string {
  return `[${clusterName}] JobManager stdout\nlog4j:WARN No appenders could be found for logger (org.apache.hadoop).\n`
}

/** Flink's `GET /jobmanager/thread-dump` (`ThreadDumpInfo`), a JSON string inside Dinky's `Result<String>`. */
export function jobManagerThreadDump(): string {
  const thread = (name: string, id: number, state: string, frames: string[]) => ({
    threadName: name,
    stringifiedThreadInfo:
      `"${name}" Id=${id} ${state}\n` + frames.map((frame) => `\tat ${frame}\n`).join('') + '\n'
  })
  return JSON.stringify({
    threadInfos: [
      thread('main', 1, 'WAITING', [
        'java.lang.Object.wait(Native Method)',
        'java.lang.Thread.join(Thread.java:1252)'
      ]),
      thread('flink-akka.actor.default-dispatcher-5', 31, 'RUNNABLE', [
        'org.apache.flink.runtime.checkpoint.CheckpointCoordinator.triggerCheckpoint(CheckpointCoordinator.java:538)'
      ]),
      thread('Checkpoint Timer', 58, 'TIMED_WAITING', [
        'sun.misc.Unsafe.park(Native Method)',
        'java.util.concurrent.locks.LockSupport.parkNanos(LockSupport.java:215)'
      ])
    ]
  })
}
