/**
 * The admin path outside `/api` (`/__sim/...`), for driving the simulator from another process (the CLI demo,
 * a shell, an e2e test). It exposes the same verbs as `control`, never needs a token and never meets a fault.
 *
 *   POST /__sim/fault/{drop|stall|ws-drop-subscriptions|heartbeats?on=false|expire-tokens|fail?count=N&kind=bad-gateway|html|
 *                      forget-sessions|restart?downMs=|slow?ms=|refuse?ms=|console-race?on=false|clear}
 *   POST /__sim/world/{tick|fail?taskId=|recover?taskId=&settle=true|submit?taskId=&fails=|cancel?taskId=|
 *                      cluster?id=&available=|log?processName=&line=}
 *   POST /__sim/health/...  (job-health-control.ts: checkpoints, restart-loop, source-lag, backpressure, flink, …)
 *   POST /__sim/metrics/{collection?on=false|collect|clear-layouts}
 *   GET  /__sim/stats
 */

import type { SimulatorControl } from '../control'
import { JOB_HEALTH_VERBS } from '../job-health-control'
import { jsonReply, type Reply } from './envelope'
import type { RequestContext } from './request'

type Verb = (control: SimulatorControl, q: URLSearchParams) => unknown

const num = (q: URLSearchParams, name: string, fallback = 0): number =>
  Number(q.get(name) ?? fallback)

const VERBS: Record<string, Verb> = {
  'fault/drop': (c) => c.dropStreams(),
  'fault/stall': (c) => c.stallStreams(),
  'fault/ws-drop-subscriptions': (c) => c.dropWsSubscriptions(),
  'fault/heartbeats': (c, q) =>
    q.get('on') === 'false' ? c.pauseHeartbeats() : c.resumeHeartbeats(),
  'fault/expire-tokens': (c) => c.expireTokens(),
  'fault/fail': (c, q) =>
    c.failNextRequests(num(q, 'count', 1), q.get('kind') === 'html' ? 'html' : 'bad-gateway'),
  'fault/forget-sessions': (c) => c.forgetSessions(),
  'fault/restart': (c, q) => void c.restart({ downMs: num(q, 'downMs') }),
  'fault/slow': (c, q) => c.slowResponses(num(q, 'ms')),
  // Answer first, then stop listening: the caller would never see the reply otherwise.
  'fault/refuse': (c, q) => void setImmediate(() => void c.refuseConnections(num(q, 'ms', 1000))),
  'fault/console-race': (c, q) => c.raceConsoleCopies(q.get('on') !== 'false'),
  'fault/clear': (c) => c.clearFaults(),
  'world/tick': (c) => c.tick(),
  'world/fail': (c, q) => c.failJob(num(q, 'taskId')),
  'world/recover': (c, q) => ({
    jobInstanceId: c.recoverJob(num(q, 'taskId'), { settle: q.get('settle') === 'true' })
  }),
  'world/submit': (c, q) => ({
    jobInstanceId: c.submit(num(q, 'taskId'), { fails: q.get('fails') === 'true' })
  }),
  'world/cancel': (c, q) => ({ cancelled: c.cancel(num(q, 'taskId')) }),
  'world/cluster': (c, q) => c.setClusterAvailable(num(q, 'id'), q.get('available') !== 'false'),
  'world/log': (c, q) => c.appendLog(q.get('processName') ?? '', q.getAll('line')),
  ...JOB_HEALTH_VERBS,
  'metrics/collection': (c, q) => c.setMetricsCollection(q.get('on') !== 'false'),
  'metrics/collect': (c) => c.collectMetrics(),
  'metrics/clear-layouts': (c) => c.clearMetricsLayouts()
}

/** Handles one admin request; why errors become 400: a typo in a shell script should say so. */
export function createAdminHandler(
  control: () => SimulatorControl
): (ctx: RequestContext) => Promise<Reply> {
  return async (ctx) => {
    const name = ctx.path.slice('/__sim/'.length)
    if (name === 'stats' && ctx.method === 'GET')
      return jsonReply(JSON.stringify(control().stats()))
    const verb = VERBS[name]
    if (!verb)
      return jsonReply(JSON.stringify({ ok: false, error: `unknown admin path ${ctx.path}` }), 404)
    if (ctx.method !== 'POST')
      return jsonReply(JSON.stringify({ ok: false, error: 'use POST' }), 405)
    try {
      const value = await verb(control(), ctx.query)
      return jsonReply(JSON.stringify({ ok: true, ...(typeof value === 'object' ? value : {}) }))
    } catch (error) {
      return jsonReply(JSON.stringify({ ok: false, error: String(error) }), 400)
    }
  }
}
