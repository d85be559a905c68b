/** 服务器总览的中文文案（issue 23）：每个服务器一张卡片，显示状态、数据新旧和各项数字。形状由英文文案决定。 */
import type { fleetEnUS } from './fleet-en-US'

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

export const fleetZhCN: Shape<typeof fleetEnUS> = {
  summary: '{{total}} 个服务器中 {{live}} 个实时连接',
  none: '尚未配置服务器',
  openServer: '打开 {{name}} 的概览',
  cardLabel: '{{name}}：{{state}}',
  state: {
    live: '实时',
    connecting: '连接中…',
    reconnecting: '重新连接中（第 {{attempt}} 次）',
    offline: '离线',
    'auth-expired': '登录已过期',
    stopped: '已停止',
    degraded: '轮询在线',
    unknown: '未连接'
  },
  unreachable: '无法连接（第 {{attempt}} 次）',
  reason: '原因：{{reason}}',
  version: 'Dinky {{version}}',
  versionUnknown: '尚不知道 Dinky 版本',
  transport: { sse: 'SSE', ws: 'WebSocket' },
  cached: '缓存数据，读取于 {{time}}（{{ago}}）',
  asOf: '数据读取于 {{time}}（{{ago}}）',
  noData: '尚未读取任何数据',
  jobs: '作业：{{count}}',
  failing: '失败：{{count}}',
  noFailing: '没有失败的作业',
  moreFailing: '另有 {{count}} 个',
  openJob: '打开 {{server}} 上的 {{job}}',
  alertsFiring: '触发中的告警：{{count}}',
  noAlerts: '没有触发中的告警',
  clusters: '可用集群：{{available}} / {{total}}',
  clustersUnknown: '尚未读取集群',
  readOnly: '只读',
  readOnlyHint: '仅监视：不会在此服务器上执行任何改变 Dinky 的操作'
}
