/** 检查点趋势（issue 24）的中文文案，与 checkpoint-trends-en-US.ts 一一对应。 */
import type { checkpointTrendsEnUS } from './checkpoint-trends-en-US'

export const checkpointTrendsZhCN: typeof checkpointTrendsEnUS = {
  title: '检查点趋势',
  duration: '端到端耗时',
  checkpointedSize: '本次写入大小',
  stateSize: '全量状态大小',
  noPoints: '历史中还没有检查点。',
  legend: {
    completed: '已完成',
    failed: '失败',
    interval: '间隔 {{value}}',
    timeout: '超时 {{value}}',
    'interval-timeout': '间隔 = 超时 {{value}}',
    offScale: '{{line}}（在图表上方）'
  },
  chartLabel: '{{name}}：{{count}} 个检查点，{{from}} 至 {{to}}',
  words: {
    'too-few': '检查点太少，还看不出趋势（已完成 {{count}} 个）。',
    'near-timeout': '最近一次检查点耗时达到超时的 {{pct}} %。',
    failures: '最近 {{of}} 个检查点中有 {{failed}} 个失败。',
    'duration-doubled': '耗时在最近 {{span}} 内翻倍。',
    'duration-times': '耗时在最近 {{span}} 内增长到 {{factor}} 倍。',
    'duration-grew': '耗时在最近 {{span}} 内增长 {{pct}} %。',
    'duration-fell': '耗时在最近 {{span}} 内下降 {{pct}} %。',
    'state-grew': '状态大小在 {{span}} 内增长 {{pct}} %。',
    'state-shrank': '状态大小在 {{span}} 内减少 {{pct}} %。',
    steady: '最近 {{span}} 内保持平稳。'
  },
  operators: '最近一次检查点（按算子）',
  operatorsOf: '最近一次检查点（按算子，#{{id}}）',
  unavailable: '无法显示：{{why}}',
  operator: '算子',
  acknowledged: '已确认',
  stateSizeColumn: '状态大小',
  checkpointedSizeColumn: '本次写入',
  endToEnd: '端到端',
  syncAsync: '同步 / 异步',
  alignment: '对齐'
}
