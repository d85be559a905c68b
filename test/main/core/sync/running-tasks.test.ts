import { describe, expect, it } from 'vitest'
import { silentLogger } from '../../../../src/main/core/logger'
import { PUSHED_POLL_FACTOR, RunningTasks } from '../../../../src/main/core/sync/running-tasks'
import { DEFAULT_CONNECTION_SETTINGS } from '../../../../src/shared/profiles'

describe('RunningTasks (TASK_RUN_INSTANCE pushes)', () => {
  it('reads the jobs when the pushed set changes, not for the first set of a connection or a repeat', () => {
    let refreshes = 0
    const tasks = new RunningTasks(silentLogger, () => refreshes++)
    tasks.accept([1, 2])
    expect(refreshes).toBe(0)
    tasks.accept([2, 1])
    expect(refreshes).toBe(0)
    tasks.accept([1])
    tasks.accept([1, 3])
    expect(refreshes).toBe(2)
    tasks.lost()
    tasks.accept([4])
    expect(refreshes).toBe(2)
  })

  it('polls the jobs slower only while pushes flow, read afresh at each scheduling', () => {
    const tasks = new RunningTasks(silentLogger, () => undefined)
    const settings = tasks.pollSettings(DEFAULT_CONNECTION_SETTINGS)
    const base = DEFAULT_CONNECTION_SETTINGS.jobsPollMs
    expect(settings.jobsPollMs).toBe(base)
    expect(settings.clustersPollMs).toBe(DEFAULT_CONNECTION_SETTINGS.clustersPollMs)
    tasks.accept([])
    expect(settings.jobsPollMs).toBe(base * PUSHED_POLL_FACTOR)
    tasks.lost()
    expect(settings.jobsPollMs).toBe(base)
  })
})
