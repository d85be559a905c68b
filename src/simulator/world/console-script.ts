/**
 * What a Flink submission writes to Dinky's console: a seeded script of log records (INFO/WARN/ERROR, multi-line
 * Java stack traces, some Chinese text), timestamped when they are appended. One record is one `appendLog` call,
 * so a stack trace arrives whole, as Dinky's log appender delivers it.
 */

import type { SeededRandom } from './seeded-random'
import { formatDateTime } from './time-format'

export type LogLevel = 'INFO' | 'WARN' | 'ERROR'

export interface LogRecord {
  level: LogLevel
  logger: string
  message: string
}

export interface ScriptInput {
  processName: string
  taskName: string
  statement: string
  jid: string
  clusterAddress: string
  /** Records in total, including the opening and the closing ones. */
  totalRecords: number
  /** A failing submission ends with an ERROR and no job id. */
  fails: boolean
}

const FILLERS: readonly LogRecord[] = [
  {
    level: 'INFO',
    logger: 'org.apache.flink.table.planner.delegation.PlannerBase',
    message: 'Optimizing the logical plan of the INSERT statement'
  },
  {
    level: 'INFO',
    logger: 'org.apache.flink.client.program.rest.RestClusterClient',
    message: 'Submitting job graph to the JobManager'
  },
  {
    level: 'INFO',
    logger: 'org.apache.flink.runtime.checkpoint.CheckpointCoordinator',
    message: 'Checkpoint storage is set to JobManager'
  },
  {
    level: 'INFO',
    logger: 'org.apache.flink.configuration.GlobalConfiguration',
    message: 'Loading configuration property: taskmanager.numberOfTaskSlots, 4'
  },
  {
    level: 'INFO',
    logger: 'org.dinky.executor.Executor',
    message: '正在解析 Flink SQL 语句并生成执行计划'
  },
  {
    level: 'INFO',
    logger: 'org.dinky.job.JobManager',
    message: '语句校验通过，开始构建 StreamGraph'
  },
  {
    level: 'WARN',
    logger: 'org.apache.flink.runtime.util.HadoopUtils',
    message: 'Could not find Hadoop configuration via any of the supported methods'
  },
  {
    level: 'WARN',
    logger: 'org.apache.flink.table.catalog.CatalogManager',
    message: "Table 'default_catalog.default_database.tmp' has no primary key, upsert may be slow"
  },
  {
    level: 'INFO',
    logger: 'org.apache.kafka.clients.consumer.ConsumerConfig',
    message: 'ConsumerConfig values: auto.offset.reset = latest, group.id = dinky-sim'
  },
  {
    level: 'INFO',
    logger: 'org.dinky.trans.ddl.CreateTableOperation',
    message: '表已注册到 default_catalog.default_database'
  }
]

const STACK_TRACE =
  'java.net.ConnectException: Connection refused\n' +
  '\tat sun.nio.ch.SocketChannelImpl.checkConnect(Native Method)\n' +
  '\tat sun.nio.ch.SocketChannelImpl.finishConnect(SocketChannelImpl.java:716)\n' +
  '\tat org.apache.flink.shaded.netty4.io.netty.channel.socket.nio.NioSocketChannel.doFinishConnect(NioSocketChannel.java:337)\n' +
  '\tat org.apache.flink.runtime.rest.RestClient.submitRequest(RestClient.java:467)\n' +
  '\t... 12 more'

const FAILURE_TRACE =
  'org.apache.flink.table.api.ValidationException: SQL validation failed. From line 3, column 38 to line 3, ' +
  "column 44: Column 'payload' not found in any table\n" +
  '\tat org.apache.flink.table.planner.calcite.FlinkPlannerImpl.org$apache$flink$table$planner$calcite$FlinkPlannerImpl$$validate(FlinkPlannerImpl.scala:200)\n' +
  '\tat org.apache.flink.table.planner.operations.SqlToOperationConverter.convert(SqlToOperationConverter.java:282)\n' +
  '\tat org.dinky.executor.Executor.executeSql(Executor.java:211)\n' +
  '\tat org.dinky.job.JobManager.executeSql(JobManager.java:298)\n' +
  'Caused by: org.apache.calcite.runtime.CalciteContextException: 字段 payload 不存在\n' +
  '\t... 18 more'

/** Builds the records of one submission; why a script: the same seed must stream the same console. */
export function createSubmissionScript(input: ScriptInput, rng: SeededRandom): LogRecord[] {
  const opening: LogRecord[] = [
    {
      level: 'INFO',
      logger: 'org.dinky.aop.ProcessAspect',
      message: `Start Process:${input.processName}`
    },
    {
      level: 'INFO',
      logger: 'org.dinky.service.impl.TaskServiceImpl',
      message: `Start submit task: ${input.taskName}`
    },
    {
      level: 'INFO',
      logger: 'org.dinky.job.JobManager',
      message: `Executing statements:\n${input.statement}`
    },
    {
      level: 'INFO',
      logger: 'org.dinky.gateway.Gateway',
      message: `Connecting to JobManager at ${input.clusterAddress}`
    }
  ]
  const closing: LogRecord[] = input.fails
    ? [
        {
          level: 'ERROR',
          logger: 'org.dinky.job.JobManager',
          message: `Submit failed: ${FAILURE_TRACE}`
        },
        {
          level: 'ERROR',
          logger: 'org.dinky.service.impl.TaskServiceImpl',
          message: '任务提交失败 (task submission failed)'
        }
      ]
    : [
        {
          level: 'INFO',
          logger: 'org.dinky.job.JobManager',
          message: `Job submitted, jobId: ${input.jid}`
        },
        {
          level: 'INFO',
          logger: 'org.dinky.service.impl.TaskServiceImpl',
          message: '任务提交成功 (task submitted)'
        }
      ]
  const fillers: LogRecord[] = []
  const fillerCount = Math.max(0, input.totalRecords - opening.length - closing.length)
  for (let i = 0; i < fillerCount; i++) {
    fillers.push(
      rng.chance(0.04)
        ? {
            level: 'WARN',
            logger: 'org.apache.flink.runtime.rest.RestClient',
            message: `Retrying request: ${STACK_TRACE}`
          }
        : rng.pick(FILLERS)
    )
  }
  return [...opening, ...fillers, ...closing]
}

/** One console line as Dinky's log pattern writes it. */
export function formatLogRecord(record: LogRecord, at: number): string {
  const millis = String(at % 1000).padStart(3, '0')
  return `[${formatDateTime(at)}.${millis}] [${record.level}] [${record.logger}] ${record.message}`
}
