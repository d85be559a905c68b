/**
 * Clusters, cluster configurations, submission processes and system info (1.1.0 on). `clusterConfiguration/list` needs its
 * `keyword` parameter (Spring answers 400 without it); `cluster/list` returns only what `isAutoCreate` asks for.
 */

import { ok, type SimState } from '../sim-state'
import { TENANT_ID } from '../world/entities'
import { springRejectionReply } from './envelope'
import type { RequestContext } from './request'
import type { Route } from './router'
import { clusterConfigurationToWire, clusterToWire, sysInfoToWire } from './wire-infra'
import { processToWire } from './wire-process'
import { isDinky10 } from '../releases'

const matches = (keyword: string, ...fields: string[]): boolean =>
  keyword === '' || fields.some((field) => field.includes(keyword))

export function infraRoutes(state: SimState): Route[] {
  const { world } = state
  const ownTenant = (ctx: RequestContext) => ctx.tenantId === TENANT_ID
  return [
    {
      method: 'GET',
      path: '/api/cluster/list',
      login: true,
      handle: (ctx) => {
        if (state.malformedClusterList) return ok(state, null)
        const keyword = ctx.query.get('searchKeyWord') ?? ''
        const auto = ctx.query.get('isAutoCreate') === 'true'
        const clusters = ownTenant(ctx) ? world.clusters : []
        const rows = clusters.filter(
          (c) => c.autoRegisters === auto && matches(keyword, c.name, c.alias, c.note)
        )
        return ok(state, rows.map(clusterToWire))
      }
    },
    {
      method: 'GET',
      path: '/api/clusterConfiguration/list',
      login: true,
      handle: (ctx) => {
        const keyword = ctx.query.get('keyword')
        if (keyword === null)
          return springRejectionReply(
            { kind: 'missing-param', name: 'keyword', type: 'String' },
            ctx.at
          )
        const configurations = ownTenant(ctx) ? world.configurations : []
        const rows = configurations.filter((c) => matches(keyword, c.name, c.note))
        return ok(state, rows.map(clusterConfigurationToWire))
      }
    },
    {
      method: 'GET',
      path: '/api/process/getProcess',
      login: true,
      handle: (ctx) => {
        const process = world.console.get(ctx.query.get('processName') ?? '')
        return ok(state, process ? processToWire(process, 'iso', true) : null)
      }
    },
    // `SystemController.getSysInfo` came with 1.1.0: a 1.0.x server answers Spring's 404.
    ...(isDinky10(state.options.version)
      ? []
      : [
          {
            method: 'GET' as const,
            path: '/api/system/getSysInfo',
            login: true,
            handle: () => ok(state, sysInfoToWire(world.jvm.current()))
          }
        ])
  ]
}
