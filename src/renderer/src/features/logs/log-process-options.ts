/**
 * The Logs view's choices: the processes followed now, named after their jobs, then every other job of the server,
 * whose submission log can be followed from here. Pure, so it is tested without rendering a Select.
 */
import type { Job } from '../../../../shared/models'

export interface LogProcessOption {
  value: string
  label: string
  followed: boolean
}

const SUBMIT = /^FlinkSubmit\/(\d+)$/

/** Dinky's console process for a task's submissions. */
export const submitProcess = (taskId: number): string => `FlinkSubmit/${taskId}`

export function logProcessOptions(
  followed: readonly string[],
  jobs: readonly Job[]
): LogProcessOption[] {
  const byTask = new Map(jobs.map((job) => [job.taskId, job]))
  const named = (process: string): string => {
    const taskId = SUBMIT.exec(process)?.[1]
    const job = taskId === undefined ? undefined : byTask.get(Number(taskId))
    return job ? `${job.name} · ${process}` : process
  }
  const options = followed.map((process) => ({
    value: process,
    label: named(process),
    followed: true
  }))
  const seen = new Set(followed)
  const others = jobs
    .map((job) => submitProcess(job.taskId))
    .filter((process) => !seen.has(process) && (seen.add(process), true))
    .map((process) => ({ value: process, label: named(process), followed: false }))
    .sort((a, b) => a.label.localeCompare(b.label))
  return [...options, ...others]
}
