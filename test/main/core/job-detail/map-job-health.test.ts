import { describe, expect, it } from 'vitest'
import { refreshDetailSchema } from '../../../../src/main/core/job-detail/job-detail-schemas'
import {
  LIMITS,
  toJobHealthDetail,
  toJobHealthSummary
} from '../../../../src/main/core/job-detail/map-job-health'

const instance = { id: 5, taskId: 2, name: 'orders', status: 'RUNNING', jid: 'abc', error: null }
const parse = (data: unknown) => toJobHealthDetail(refreshDetailSchema.parse(data))

describe('job health mapping', () => {
  it('survives every Flink part being null, missing or malformed', () => {
    for (const jobDataDto of [
      null,
      undefined,
      {},
      { job: null, exceptions: null, checkpoints: null, checkpointsConfig: null, config: null },
      {
        job: 'x',
        exceptions: 42,
        checkpoints: [],
        checkpointsConfig: true,
        config: { 'execution-config': 7 }
      },
      { exceptions: { 'root-exception': null, exceptionHistory: null } }
    ]) {
      const detail = parse({ instance, jobDataDto })
      expect(detail.instanceId).toBe(5)
      expect(detail.vertices).toEqual([])
      expect(detail.checkpoints).toBeNull()
    }
    expect(
      parse({ instance, jobDataDto: { exceptions: { 'root-exception': null } } }).exceptions
    ).toEqual({
      root: null,
      timestamp: null,
      history: []
    })
  })

  it('says Flink was lost, not that the job failed, when Dinky reports RECONNECTING with an error', () => {
    const detail = parse({
      instance: { ...instance, status: 'RECONNECTING' },
      jobDataDto: { error: true, errorMsg: 'java.net.ConnectException: Connection refused' }
    })
    expect(detail.flinkLost).toBe(true)
    expect(toJobHealthSummary(detail, 0, 0).reasons).toEqual(['flink-lost'])
  })

  it('bounds server-sized lists before reading them', () => {
    const history = Array.from({ length: 100_000 }, (_, id) => ({ id, status: 'COMPLETED' }))
    const vertices = Array.from({ length: 50_000 }, (_, i) => ({ id: `v${i}` }))
    const detail = parse({ instance, jobDataDto: { checkpoints: { history }, job: { vertices } } })
    expect(detail.checkpoints?.history).toHaveLength(LIMITS.history)
    expect(detail.vertices).toHaveLength(LIMITS.vertices)
  })

  it('leaves a source vertex\'s busy % unknown: Flink 1.18 sends busyRatio "NaN" (recordings of real Dinky)', () => {
    const nan = { subtask: 0, backpressureLevel: 'high', ratio: 1, idleRatio: 0, busyRatio: 'NaN' }
    const detail = parse({
      instance,
      jobDataDto: {
        job: {
          vertices: [{ id: 'src' }, { id: 'calc' }],
          plan: {
            nodes: [
              { id: 'src', backpressure: { backpressureLevel: 'high', subtasks: [nan] } },
              {
                id: 'calc',
                backpressure: {
                  backpressureLevel: 'ok',
                  subtasks: [
                    { ...nan, backpressureLevel: 'ok' },
                    { subtask: 1, busyRatio: 0.4 }
                  ]
                }
              }
            ]
          }
        }
      }
    })
    expect(detail.vertices[0]).toMatchObject({ busyPct: null, backpressure: 'high' })
    expect(detail.vertices[1]).toMatchObject({ busyPct: 40, backpressure: 'ok' })
  })

  it('judges failing, overdue and backpressured checkpoints at a given time', () => {
    const detail = parse({
      instance,
      jobDataDto: {
        job: {
          'start-time': 0,
          vertices: [{ id: 'a' }],
          plan: {
            nodes: [
              {
                id: 'a',
                backpressure: { backpressureLevel: 'high', subtasks: [{ busyRatio: 0.2 }] }
              }
            ]
          }
        },
        checkpoints: {
          counts: { failed: 2, completed: 5 },
          latest: {
            completed: { id: 5, trigger_timestamp: 10_000, latest_ack_timestamp: 10_500 },
            failed: { id: 7, trigger_timestamp: 30_000, failure_message: 'expired' }
          }
        },
        checkpointsConfig: { interval: 10_000 }
      }
    })
    expect(detail.vertices[0]).toMatchObject({ backpressure: 'high', busyPct: 20 })
    const summary = toJobHealthSummary(detail, 40_000, 41_000)
    expect(summary.reasons).toEqual([
      'checkpoint-failing',
      'checkpoint-overdue',
      'backpressure-high'
    ])
    expect(summary).toMatchObject({
      failedCheckpoints: 2,
      lastCompletedAt: 10_500,
      backpressure: 'high'
    })
  })
})
