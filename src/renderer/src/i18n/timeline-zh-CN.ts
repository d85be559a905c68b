/** 时间线的简体中文（issue 22）：作业抽屉的“时间线”页、概览的最近事件和“离开期间”摘要。 */
import type { CatalogueShape } from './en-US'

export const timelineZhCN: CatalogueShape['timeline'] = {
  tab: '时间线',
  openAlerts: '此作业未结束的告警',
  empty: '此作业还没有记录。',
  noneOfKinds: '没有所选类型的事件。',
  loadFailed: '无法加载时间线：{{message}}',
  filterKinds: '全部类型',
  exportCsv: '导出 CSV',
  exportJson: '导出 JSON',
  exported: '已保存到 {{path}}',
  exportFailed: '无法导出时间线：{{message}}',
  kinds: {
    status: '状态',
    restart: '重启',
    'checkpoint-failures': '检查点失败',
    savepoint: '保存点',
    alert: '告警',
    action: '控制台操作',
    gap: '空白期'
  },
  status: '状态 {{from}} → {{to}}',
  statusFirst: '状态 {{to}}',
  restartOne: '重启 1 次（共 {{total}} 次）',
  restartMany: '重启 {{count}} 次（共 {{total}} 次）',
  checkpointFailuresOne: '{{from}} 1 个检查点失败',
  checkpointFailures: '{{from}}–{{to}} 有 {{count}} 个检查点失败',
  checkpointFailuresAt: '{{from}} 有 {{count}} 个检查点失败',
  savepoint: '已创建保存点',
  alert: {
    firing: '告警触发',
    resolved: '告警恢复',
    unknown: '告警状态未知（数据不是实时的）',
    acknowledged: '告警已确认',
    snoozed: '告警已暂停提醒',
    repeat: '告警仍在触发'
  },
  severity: { critical: '严重', warning: '警告', info: '提示' },
  rule: '规则 {{rule}}',
  action: {
    cancel: '取消',
    stop: '停止',
    restart: '重启',
    savepoint: '保存点',
    restore: '恢复'
  },
  actionDone: '在控制台执行{{action}}：成功',
  actionFailed: '在控制台执行{{action}}：失败',
  gapReason: {
    'console-closed': '控制台已关闭',
    offline: '本机离线',
    unreachable: '服务器不可达'
  },
  gap: '无数据：{{reason}}，{{from}}–{{to}}（{{duration}}）',
  gapOngoing: '自 {{from}} 起无数据：{{reason}}',
  serverEvent: '服务器',
  settings: {
    title: '时间线',
    maxAgeDays: '事件保留天数',
    maxEvents: '每个服务器最多保留的事件数',
    help: '先删除最旧的事件。空白期只要有一部分在保留期内就会保留。'
  },
  recent: {
    title: '最近事件',
    empty: '还没有记录任何事件。'
  },
  away: {
    title: '离开期间',
    since: '{{server}}：自 {{since}}（{{ago}}）至 {{until}}',
    nothing: '没有作业改变状态。',
    newJob: '新作业',
    goneJob: '已消失',
    restarts: '重启 {{count}} 次',
    counts: {
      alert: '告警：{{count}}',
      'checkpoint-failures': '检查点失败：{{count}}',
      restart: '重启：{{count}}',
      status: '状态变化：{{count}}',
      savepoint: '保存点：{{count}}',
      action: '控制台操作：{{count}}',
      gap: '空白期：{{count}}'
    },
    more: '另有 {{count}} 个',
    dismiss: '知道了',
    openTimeline: '打开时间线'
  }
}
