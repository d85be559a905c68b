import { describe, expect, it } from 'vitest'
import { logProcessOptions } from '../../../src/renderer/src/features/logs/log-process-options'
import type { Job } from '../../../src/shared/models'

const job = (taskId: number, name: string): Job => ({
  id: taskId * 10,
  taskId,
  name,
  status: 'RUNNING',
  jid: null,
  type: null,
  step: 2,
  createTime: null,
  updateTime: null,
  finishTime: null,
  durationMs: null,
  failedRestartCount: 0
})

describe('the Logs view choices', () => {
  it('names followed processes after their jobs, then offers every other job to follow', () => {
    const options = logProcessOptions(
      ['FlinkSubmit/2', 'FLinkJobPlan/9'],
      [job(3, 'orders_etl'), job(2, 'user_clean'), job(1, 'ads_report')]
    )
    expect(options).toEqual([
      { value: 'FlinkSubmit/2', label: 'user_clean · FlinkSubmit/2', followed: true },
      { value: 'FLinkJobPlan/9', label: 'FLinkJobPlan/9', followed: true },
      { value: 'FlinkSubmit/1', label: 'ads_report · FlinkSubmit/1', followed: false },
      { value: 'FlinkSubmit/3', label: 'orders_etl · FlinkSubmit/3', followed: false }
    ])
  })

  it('offers nothing twice when two instances share a task', () => {
    const options = logProcessOptions([], [job(4, 'a'), { ...job(4, 'a'), id: 41 }])
    expect(options.map((option) => option.value)).toEqual(['FlinkSubmit/4'])
  })
})
