import { describe, expect, it } from 'vitest'
import { alertTimelineRecord } from '../../../../src/main/core/timeline/alert-records'
import { consoleActionKind } from '../../../../src/main/core/timeline/console-actions'
import { TEXT_LIMITS } from '../../../../src/main/core/timeline/timeline-document'
import type { CheckpointEntry, JobHealthDetail } from '../../../../src/shared/job-health'
import { job } from './timeline-fixtures'
import { harness, summary } from './timeline-harness'

function savepoint(id: number, at: number): CheckpointEntry {
  return {
    id,
    status: 'COMPLETED',
    isSavepoint: true,
    triggerAt: at,
    ackAt: at + 500,
    stateSize: 1,
    checkpointedSize: 1,
    durationMs: 500,
    numSubtasks: 1,
    numAcknowledged: 1,
    externalPath: `hdfs:///sp/savepoint-${id}`,
    failureMessage: null
  }
}

function detail(latest: CheckpointEntry | null): JobHealthDetail {
  return {
    instanceId: 1,
    taskId: 10,
    name: 'job-1',
    status: 'RUNNING',
    jid: null,
    clusterName: null,
    jobManagerAddress: null,
    flinkLost: false,
    errorMsg: null,
    startTime: null,
    durationMs: null,
    parallelism: null,
    restartStrategy: null,
    executionMode: null,
    vertices: [],
    checkpoints: {
      total: 0,
      completed: 0,
      failed: 0,
      inProgress: 0,
      restored: 0,
      latestCompleted: null,
      latestSavepoint: latest,
      latestFailed: null,
      restoredFrom: null,
      history: []
    },
    checkpointConfig: null,
    exceptions: null
  }
}

describe('the console actions and savepoints on the timeline', () => {
  it('names every job action as an operator would', () => {
    expect(consoleActionKind({ kind: 'cancel', taskId: 1, withSavepoint: false })).toBe('cancel')
    expect(consoleActionKind({ kind: 'cancel', taskId: 1, withSavepoint: true })).toBe('stop')
    expect(consoleActionKind({ kind: 'restart', taskId: 1, savepointPath: null })).toBe('restart')
    expect(consoleActionKind({ kind: 'restart', taskId: 1, savepointPath: 'hdfs:///sp/1' })).toBe(
      'restore'
    )
    expect(consoleActionKind({ kind: 'savepoint', taskId: 1, savepointType: 'trigger' })).toBe(
      'savepoint'
    )
    expect(consoleActionKind({ kind: 'savepoint', taskId: 1, savepointType: 'stop' })).toBe('stop')
  })

  it("records an action with Dinky's answer, cut to its bound, on the job it acted on", () => {
    const h = harness()
    h.live([job(1, 'RUNNING')])
    h.timeline.recordAction(
      { kind: 'restart', taskId: 10, savepointPath: null },
      { ok: false, message: 'x'.repeat(5_000) }
    )
    const [event] = h.timeline.events()
    expect(event).toMatchObject({
      kind: 'action',
      action: 'restart',
      ok: false,
      jobId: 1,
      jobName: 'job-1'
    })
    expect(event.kind === 'action' && event.message.length).toBe(TEXT_LIMITS.message + 2)
  })

  it("puts a savepoint the console took on the timeline, and its path once the job's detail tells it", () => {
    const h = harness()
    h.live([job(1, 'RUNNING')])
    const observe = (latest: CheckpointEntry | null) =>
      h.timeline.observe({
        type: 'job-health',
        summary: summary(1, 0, null, h.clock.now()),
        detail: { value: detail(latest), asOf: h.clock.now(), stale: false }
      })
    observe(savepoint(3, h.clock.now() - 60_000))
    h.timeline.recordAction(
      { kind: 'savepoint', taskId: 10, savepointType: 'trigger' },
      { ok: true, message: 'Success' }
    )
    expect(h.timeline.events().map((e) => e.kind)).toEqual(['savepoint', 'action'])
    h.clock.advance(3_000)
    observe(savepoint(4, h.clock.now()))
    const savepoints = h.timeline.events().filter((e) => e.kind === 'savepoint')
    expect(savepoints).toEqual([
      expect.objectContaining({ path: 'hdfs:///sp/savepoint-4', checkpointId: 4, jobId: 1 })
    ])
    // A savepoint taken elsewhere (Dinky's web UI) is new on the timeline too.
    h.clock.advance(3_000)
    observe(savepoint(5, h.clock.now()))
    expect(h.timeline.events().filter((e) => e.kind === 'savepoint')).toHaveLength(2)
  })

  it("records an alert center's event as an alert on the timeline", () => {
    const h = harness()
    const event = h.timeline.record(
      alertTimelineRecord({
        type: 'alert',
        state: 'firing',
        key: 'cp|p|1',
        rule: 'cp',
        kind: 'checkpoint-failures',
        severity: 'warning',
        server: 'prod',
        profileId: 'p',
        jobId: 1,
        jobName: 'job-1',
        since: h.clock.now(),
        at: h.clock.now(),
        detail: '3 failed checkpoints in 10 min',
        announce: true
      })
    )
    expect(event).toMatchObject({
      kind: 'alert',
      profileId: 'p',
      jobId: 1,
      state: 'firing',
      rule: 'cp'
    })
    expect(h.timeline.events({ jobId: 1 })).toEqual([event])
  })
})
