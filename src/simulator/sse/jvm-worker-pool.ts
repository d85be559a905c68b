/**
 * Dinky 1.0/1.1's `scheduleRefreshMonitorDataExecutor` (`configure/ThreadPoolConfig.java` at v1.0.2, v1.0.3, v1.1.0:
 * a `ThreadPoolTaskExecutor` with 10 core threads, a queue of 1,000, at most 200 threads, `BlockPolicy`). Every
 * `/api/monitor/getJvmInfo` request submits `while (true) { sendTopic(uuid, Jvm.of()); sleep(10 s) }`
 * (`MonitorServiceImpl.sendJvmInfo`), which never ends (`sendTopic` swallows every error), so each stream since Dinky
 * started holds a thread forever. A Java pool queues a task once its core threads are busy and adds threads only when
 * the queue is full: the 11th to 1,010th streams are queued behind loops that never finish, and get `HEART_BEAT`s
 * but never a `Jvm`. A restart empties the pool.
 */

export const DINKY_JVM_CORE_THREADS = 10
export const DINKY_JVM_QUEUE = 1_000
export const DINKY_JVM_MAX_THREADS = 200

export class JvmWorkerPool {
  private running = 0
  private queued = 0

  /** `coreThreads` 0 = unbounded (every stream gets its own sender at once). */
  constructor(private readonly coreThreads: number) {}

  /** Submits one endless sender; true when it runs now, false when it waits in the queue forever. */
  submit(): boolean {
    if (this.coreThreads <= 0) return true
    if (this.running < this.coreThreads) return ((this.running += 1), true)
    if (this.queued < DINKY_JVM_QUEUE) return ((this.queued += 1), false)
    if (this.running < DINKY_JVM_MAX_THREADS) return ((this.running += 1), true)
    // BlockPolicy would block the request thread; the stream is answered but never fed.
    return false
  }

  /** Senders running (they never stop) and waiting. */
  stats(): { running: number; queued: number } {
    return { running: this.running, queued: this.queued }
  }

  /** Dinky restarted. */
  reset(): void {
    this.running = 0
    this.queued = 0
  }
}
