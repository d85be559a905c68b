/**
 * The renderer's main-thread work per fleet card update, read from a Chromium trace: the task in which the card
 * changed (the job push: its decoding, the store, React's render and commit) plus the frame that painted it (style,
 * layout, paint, the compositor commit). Why not the wall time from the push to the paint: that includes waiting for
 * the next vsync (0–16.7 ms at 60 Hz, whatever the work) and the other servers' pushes queued ahead, so it could
 * not be under 16 ms even for a card that cost nothing; the work is what a frame budget of 16 ms is about.
 */

/** Categories that hold the top-level tasks, the frames' parts and `console.timeStamp` marks. */
export const FRAME_WORK_CATEGORIES = ['toplevel', 'devtools.timeline']

/** The `console.timeStamp` the page's probe writes in the task that changed a card. */
export const CARD_MARK = 'dinky-card-changed'

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  args?: { data?: { message?: string } }
}

export interface FrameWork {
  /** ms per task that changed one card or more (one sample per task: a push naming two servers is one sample). */
  samples: number[]
  /** Card changes whose painting frame was not found in the trace (their sample is the task alone). */
  framesMissing: number
}

const TASK = 'ThreadControllerImpl::RunTask'
/** How many later tasks on the thread are searched for the frame that painted the change. */
const FRAME_SEARCH = 60

/** Work per card update from a trace (Chromium's JSON: `{ traceEvents: [...] }` or the bare array). */
export function frameWork(trace: unknown): FrameWork {
  const events = (
    Array.isArray(trace) ? trace : (trace as { traceEvents?: unknown }).traceEvents
  ) as TraceEvent[] | undefined
  if (!Array.isArray(events)) throw new Error('not a Chromium trace: no traceEvents')
  const marks = events.filter(
    (e) => e.name === 'TimeStamp' && e.args?.data?.message?.startsWith(CARD_MARK) === true
  )
  if (marks.length === 0) return { samples: [], framesMissing: 0 }
  const { pid, tid } = marks[0]
  const onThread = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts)
  const tasks = onThread.filter((e) => e.name === TASK)
  const paintStarts = onThread.filter((e) => e.name === 'Paint').map((e) => e.ts)
  const starts = tasks.map((t) => t.ts)
  const end = (e: TraceEvent) => e.ts + (e.dur ?? 0)
  const taskOf = (ts: number) => {
    const i = lastAtOrBefore(starts, ts)
    return i >= 0 && ts <= end(tasks[i]) ? i : -1
  }
  const paints = (t: TraceEvent) => {
    const i = lastAtOrBefore(paintStarts, end(t))
    return i >= 0 && paintStarts[i] >= t.ts
  }
  const changedTasks = new Set<number>()
  for (const mark of marks) {
    if (mark.pid !== pid || mark.tid !== tid) continue
    const i = taskOf(mark.ts)
    if (i >= 0) changedTasks.add(i)
  }
  const samples: number[] = []
  let framesMissing = 0
  for (const i of [...changedTasks].sort((a, b) => a - b)) {
    const task = tasks[i]
    const frame = tasks.slice(i + 1, i + 1 + FRAME_SEARCH).find(paints)
    if (!frame) framesMissing += 1
    samples.push(((task.dur ?? 0) + (frame?.dur ?? 0)) / 1000)
  }
  return { samples, framesMissing }
}

/** Index of the last value ≤ x in ascending `values`, or -1. */
function lastAtOrBefore(values: readonly number[], x: number): number {
  let lo = 0
  let hi = values.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (values[mid] <= x) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}
