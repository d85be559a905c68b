/**
 * Options of the simulator and their defaults. Every default is Dinky's own (see dinky-protocol.md), so a client
 * tested against a simulator started with no options meets the timings of a real Dinky 1.1.
 */

export interface SimulatorOptions {
  /** TCP port; 0 picks a free one. Dinky's own is 8888. */
  port?: number
  host?: string
  /** Seed of the world: same seed, same tasks, statuses, keys and log lines. */
  seed?: number
  /** `HEART_BEAT` period of the SSE hub (Dinky: fixed delay of 9 s). */
  heartbeatMs?: number
  /** `SseEmitter` async timeout (Dinky 1.0.2+: 30 min). */
  emitterTimeoutMs?: number
  /** Period of the `/api/monitor/getJvmInfo` stream (Dinky: 10 s). */
  jvmIntervalMs?: number
  /**
   * 1.0/1.1: core threads of the pool the `getJvmInfo` senders run on (Dinky: 10). Past them a new JVM stream gets
   * heartbeats but never a `Jvm`, until a restart. 0 = unbounded.
   */
  jvmWorkers?: number
  /** Period of the WebSocket `JVM_INFO` push in 1.2 mode; 0 = the version's own (5 s, 3 s from 1.2.2). */
  wsJvmIntervalMs?: number
  /** Server idle timeout of the WebSocket (1.2.1+); 0 = Dinky's 30 s. */
  wsIdleTimeoutMs?: number
  /** Console lines per second written by each running submission. */
  logRate?: number
  /** Log records a submission writes before it finishes. */
  submissionLines?: number
  /** Pace of the world: one state step (job transitions, cluster flips, metrics) per tick. 0 = manual only. */
  tickMs?: number
  /** What `/api/version` answers; '1.2.0' or later switches to the WebSocket protocol. */
  version?: string
  /** Sa-Token `timeout` (Dinky: 36000 s). */
  tokenTtlMs?: number
  /** Language of `msg` texts until a request sets another one ('en-US' | 'zh-CN'). */
  language?: string
  /** Epoch ms the world's history is laid out before; defaults to the start time. */
  now?: () => number
  /**
   * Period of the Flink metrics collection (Dinky: every `FlinkJobTask` cycle, about 5 s). 0 = with each world
   * tick; a positive value runs it on its own timer (tests use short ones).
   */
  metricsIntervalMs?: number
  /**
   * The demo scenario (`demo-faults.ts`): now and then one job's source lag grows past 100,000 and drains, and
   * another job's checkpoints fail three times in a row, so the console's alerts fire and resolve on their own.
   * Off by default (tests steer faults themselves); the built-in Demo profile turns it on.
   */
  demoFaults?: boolean
  /**
   * `failedRestartCount` as real Dinky sends it: always null (1.0.3, 1.1.0 and 1.2.0 recordings; no Dinky code
   * writes `failed_restart_count`). Off by default: the simulator counts failovers there, which only it does.
   */
  nullRestartCount?: boolean
  /**
   * Job instances listed (issue 23): the twelve of the fixed cast, then generated tasks with realistic names and a
   * large Dinky's status mix (`world/scale-catalog.ts`, `world/scale-jobs.ts`), seeded like the rest. Below 12 is 12.
   */
  jobs?: number
  /**
   * Status changes per minute the generated jobs start at the default 5 s tick (restarts, failures, resubmits,
   * batch runs finishing); 0 keeps them still but for what is already transient. Scales with `tickMs`.
   */
  churnPerMinute?: number
  /** Account; Dinky's seed data is admin / dinky123!@#. */
  username?: string
  password?: string
}

export type ResolvedOptions = Required<Omit<SimulatorOptions, 'now'>> & { now: () => number }

export const DINKY_DEFAULTS = {
  port: 0,
  host: '127.0.0.1',
  seed: 42,
  heartbeatMs: 9_000,
  emitterTimeoutMs: 30 * 60 * 1000,
  jvmIntervalMs: 10_000,
  jvmWorkers: 10,
  wsJvmIntervalMs: 0,
  wsIdleTimeoutMs: 0,
  logRate: 20,
  submissionLines: 60,
  tickMs: 5_000,
  version: '1.1.0',
  tokenTtlMs: 36_000 * 1000,
  language: 'en-US',
  metricsIntervalMs: 0,
  demoFaults: false,
  nullRestartCount: false,
  jobs: 12,
  churnPerMinute: 3,
  username: 'admin',
  password: 'dinky123!@#'
} as const

/** Fills the gaps with Dinky's defaults so the rest of the simulator never handles `undefined`. */
export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  const defined = Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined)
  ) as SimulatorOptions
  return { ...DINKY_DEFAULTS, now: () => Date.now(), ...defined }
}

/** True when `version` is 1.2 or later: the WebSocket line, token name `dinky-token`, no `/api/sse`. */
export function isWebSocketVersion(version: string): boolean {
  const [major, minor] = version.split(/[.-]/).map((part) => Number.parseInt(part, 10))
  return major > 1 || (major === 1 && (minor ?? 0) >= 2)
}
