import { describe, expect, it } from 'vitest'
import { toJob } from '../../../../src/main/core/dinky/map-models'
import { jobInstanceSchema, processEntitySchema } from '../../../../src/main/core/dinky/schemas'
import { toProcess } from '../../../../src/main/core/dinky/map-models'

const sseProcess = {
  key: 'a1b2',
  title: 'FlinkSubmit',
  log: 'Start Process:FlinkSubmit/12\nline 2',
  type: 'FLINK_SUBMIT',
  status: 'RUNNING',
  startTime: '2024-08-27T10:15:30.123',
  endTime: null,
  time: 0,
  lastUpdateStep: null,
  children: [
    {
      key: 'c1',
      title: 'Submit',
      status: 'RUNNING',
      type: 'SUBMIT_TASK',
      startTime: '2024-08-27T10:15:30.2',
      endTime: null,
      time: 0,
      log: 'x',
      children: []
    }
  ],
  threadId: 187
}

describe('payload schemas', () => {
  it('maps a JobInstanceVo row into a Job, its server-local times given the server offset', () => {
    const row = jobInstanceSchema.parse({
      id: 7,
      name: 'orders',
      taskId: 12,
      step: 2,
      jid: 'abc',
      status: 'running',
      type: 'yarn-session',
      createTime: '2024-08-27 10:15:30',
      updateTime: '2024-08-27 10:16:30',
      finishTime: null,
      duration: 60_000,
      failedRestartCount: 1,
      firstLevelOwner: 1
    })
    expect(toJob(row, 8 * 3_600_000)).toEqual({
      id: 7,
      taskId: 12,
      name: 'orders',
      status: 'RUNNING',
      jid: 'abc',
      type: 'yarn-session',
      step: 2,
      createTime: '2024-08-27T10:15:30+08:00',
      updateTime: '2024-08-27T10:16:30+08:00',
      finishTime: null,
      durationMs: 60_000,
      failedRestartCount: 1
    })
  })

  it('rejects a row whose id is not a number', () => {
    expect(jobInstanceSchema.safeParse({ id: '7', name: 'x' }).success).toBe(false)
  })

  it('reads an SSE ProcessEntity and a WS one (epoch ms, nulls omitted) into the same model', () => {
    const fromSse = toProcess(processEntitySchema.parse(sseProcess))
    const wsStart = Date.UTC(2024, 7, 27, 10, 15, 30, 123) - 8 * 3_600_000
    const { endTime: _e, lastUpdateStep: _l, ...rest } = sseProcess
    const wsChildren = [{ ...sseProcess.children[0], startTime: wsStart + 77, endTime: undefined }]
    const fromWs = toProcess(
      processEntitySchema.parse({ ...rest, startTime: wsStart, children: wsChildren })
    )
    expect(fromSse.startTime).toBe('2024-08-27T10:15:30+08:00')
    expect(fromWs).toEqual(fromSse)
    // A server in another zone: the WS epoch is still "as if UTC+8", the wall time is the server's own.
    const minusFive = -5 * 3_600_000
    const wsElsewhere = toProcess(
      processEntitySchema.parse({ ...rest, startTime: wsStart }),
      minusFive
    )
    expect(wsElsewhere.startTime).toBe('2024-08-27T10:15:30-05:00')
  })

  it('rejects a ProcessEntity without a key', () => {
    const { key: _k, ...noKey } = sseProcess
    expect(processEntitySchema.safeParse(noKey).success).toBe(false)
  })
})
