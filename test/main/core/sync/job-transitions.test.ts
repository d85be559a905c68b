import { describe, expect, it } from 'vitest'
import { JobTransitionTracker } from '../../../../src/main/core/sync/job-transitions'
import type { Job, JobStatus } from '../../../../src/shared/models'

function job(id: number, status: JobStatus): Job {
  return {
    id,
    taskId: id * 10,
    name: `job-${id}`,
    status,
    jid: null,
    type: 'local',
    step: 1,
    createTime: null,
    updateTime: null,
    finishTime: null,
    durationMs: null,
    failedRestartCount: 0
  }
}

describe('JobTransitionTracker', () => {
  it('emits nothing for the first snapshot of a session', () => {
    const tracker = new JobTransitionTracker()
    expect(tracker.update([job(1, 'RUNNING'), job(2, 'FAILED')], 1)).toEqual([])
  })

  it('emits each status change once, however often the same snapshot is seen again', () => {
    const tracker = new JobTransitionTracker()
    tracker.update([job(1, 'RUNNING')], 1)
    const changed = tracker.update([job(1, 'FAILED')], 2)
    expect(changed).toEqual([
      { id: 1, taskId: 10, name: 'job-1', from: 'RUNNING', to: 'FAILED', at: 2 }
    ])
    expect(tracker.update([job(1, 'FAILED')], 3)).toEqual([])
    expect(tracker.update([job(1, 'FAILED')], 4)).toEqual([])
  })

  it('reports a job first seen in a later snapshot as a transition from null', () => {
    const tracker = new JobTransitionTracker()
    tracker.update([job(1, 'RUNNING')], 1)
    const [appeared] = tracker.update([job(1, 'RUNNING'), job(2, 'INITIALIZING')], 2)
    expect(appeared).toMatchObject({ id: 2, from: null, to: 'INITIALIZING' })
  })

  it('reports what changed since the cached snapshot, but not cached-unknown jobs', () => {
    const tracker = new JobTransitionTracker()
    tracker.seed([job(1, 'RUNNING'), job(2, 'RUNNING')])
    const first = tracker.update([job(1, 'RUNNING'), job(2, 'FAILED'), job(3, 'RUNNING')], 5)
    expect(first).toEqual([
      { id: 2, taskId: 20, name: 'job-2', from: 'RUNNING', to: 'FAILED', at: 5 }
    ])
  })
})
