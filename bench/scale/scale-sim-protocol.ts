/**
 * Messages between the `scale` benchmark and its simulators, which run together in one child process (three
 * servers of N jobs each), so that serving 2,000-job lists is not charged to the process measured here.
 */

/** What one simulated server has served and holds. */
export interface ScaleServerStats {
  url: string
  /** Jobs polls served: `GET /api/jobInstance/getStatusCount`, read once per poll with the job pages. */
  polls: number
  /** Job list pages served (`POST /api/jobInstance`). */
  pages: number
  /** Job instances the server holds (every run of every task). */
  instances: number
  /** Jobs it lists: the latest instance of each task (Dinky's default list). */
  listed: number
}

export type ScaleSimRequest =
  | { op: 'stats' }
  /**
   * Changes `count` jobs of server `server` now, one task after another: a running job fails, any other job is
   * restarted (a new instance, running at once). Answers the number changed.
   */
  | { op: 'change'; server: number; count: number }
  /** The world of every server steps every `tickMs` (its own churn: transitions, restarts); 0 stops it. */
  | { op: 'churn'; tickMs: number }
  | { op: 'close' }

export type ScaleSimMessage =
  | { type: 'ready'; urls: string[] }
  | { type: 'reply'; id: number; value: unknown }
  | { type: 'error'; id: number; message: string }
