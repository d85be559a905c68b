/**
 * Timeline events for the renderer tests: one of each kind for one job of the demo world, at fixed local times, so
 * the words ("10:02–13:40") do not depend on the machine's time zone.
 */
import type { TimelineEvent } from '../../../src/shared/timeline'

/** 7 December 2026 at hh:mm, local time. */
export const at = (hours: number, minutes: number) =>
  new Date(2026, 11, 7, hours, minutes).getTime()

const base = (id: string, when: number, jobId: number | null) => ({
  id: `${when}-${id}`,
  at: when,
  profileId: 'prod',
  jobId,
  taskId: jobId === null ? null : jobId - 90,
  jobName: jobId === null ? null : 'ods_order_cdc_to_doris'
})

/** Newest first, as main answers: for job 100, with a gap of the server while the console was closed. */
export function jobEvents(jobId = 100): TimelineEvent[] {
  return [
    {
      ...base('7', at(13, 55), jobId),
      kind: 'action',
      action: 'restart',
      ok: false,
      message: 'Dinky said: <b>no</b>'
    },
    {
      ...base('6', at(13, 50), jobId),
      kind: 'alert',
      state: 'firing',
      rule: 'cp',
      severity: 'critical',
      detail: '3 failed checkpoints in 10 min'
    },
    {
      ...base('5', at(13, 45), jobId),
      kind: 'savepoint',
      path: 'hdfs:///savepoints/sp-1',
      checkpointId: 12
    },
    {
      ...base('4', at(13, 42), jobId),
      kind: 'checkpoint-failures',
      count: 3,
      until: at(13, 44),
      message: '<img src=x onerror=alert(1)> Checkpoint expired'
    },
    { ...base('3', at(13, 41), jobId), kind: 'restart', count: 2, total: 5 },
    { ...base('2', at(13, 40), jobId), kind: 'status', from: 'RUNNING', to: 'FAILED' },
    { ...base('1', at(10, 2), null), kind: 'gap', reason: 'console-closed', until: at(13, 40) }
  ]
}
