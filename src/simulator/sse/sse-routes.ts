/**
 * The SSE endpoints of Dinky 1.0.2–1.1 (`SseController`, `MonitorController.getJvmInfo`) and the bridge from world
 * events to topics: every appended console record re-sends the whole `ProcessEntity` on
 * `/TOPIC/PROCESS_CONSOLE/<processName>`; metrics and printed rows go to their topics.
 */

import type { RequestContext } from '../http/request'
import type { Route } from '../http/router'
import { processToWire } from '../http/wire-process'
import { ok, type SimState } from '../sim-state'
import { formatDate, formatDateTime } from '../world/time-format'
import { openJvmStream } from './jvm-stream'

export const TOPIC = {
  METRICS: '/TOPIC/METRICS',
  PROCESS_CONSOLE: '/TOPIC/PROCESS_CONSOLE',
  PRINT_TABLE: '/TOPIC/PRINT_TABLE'
} as const

async function subscribe(state: SimState, ctx: RequestContext) {
  const body = (await ctx.json()) as { sessionKey?: unknown; topics?: unknown }
  const topics = Array.isArray(body?.topics) ? body.topics.map(String) : []
  return ok(state, state.sse.subscribe(String(body?.sessionKey ?? ''), topics))
}

export function sseRoutes(state: SimState): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/sse/connect',
      login: true,
      handle: (ctx) => {
        state.sse.connect(ctx.query.get('sessionKey') ?? '', ctx.res)
        return 'stream'
      }
    },
    {
      method: 'POST',
      path: '/api/sse/subscribeTopic',
      login: true,
      handle: (ctx) => subscribe(state, ctx)
    },
    {
      method: 'GET',
      path: '/api/monitor/getJvmInfo',
      login: true,
      handle: (ctx) => {
        openJvmStream(
          state.sse,
          ctx.res,
          state.timers,
          state.options.jvmIntervalMs,
          () => state.world.jvm.sample(),
          state.jvmWorkers
        )
        return 'stream'
      }
    }
  ]
}

/** Wires world events to SSE topics; returns the disposer. Serializes only when someone listens. */
export function bridgeWorldToSse(state: SimState): () => void {
  const { world, sse } = state
  const disposers = [
    state.consoleCopies.onCopy((process) => {
      const topic = `${TOPIC.PROCESS_CONSOLE}/${process.name}`
      if (sse.hasSubscriber(topic)) sse.sendTopic(topic, processToWire(process))
    }),
    world.onMetrics((jid, content) => {
      const topic = `${TOPIC.METRICS}/${jid}`
      const at = state.options.now()
      if (sse.hasSubscriber(topic))
        sse.sendTopic(topic, {
          heartTime: formatDateTime(at),
          model: jid,
          content,
          date: formatDate(at)
        })
    }),
    world.onPrintRow((identifier, row) => sse.sendTopic(`${TOPIC.PRINT_TABLE}/${identifier}`, row))
  ]
  return () => disposers.forEach((dispose) => dispose())
}
