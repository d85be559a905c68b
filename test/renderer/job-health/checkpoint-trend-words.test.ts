/** Every checkpoint trend fact in words, in both languages: no fact without its sentence, the figures filled in. */
import { describe, expect, it } from 'vitest'
import {
  axisDuration,
  trendWords
} from '../../../src/renderer/src/features/job-health/CheckpointTrends'
import { createI18n } from '../../../src/renderer/src/i18n/setup-i18n'
import type { TrendFact } from '../../../src/shared/checkpoint-trend'

const HOUR = 3_600_000
const FACTS: Array<[TrendFact, string, string]> = [
  [
    { kind: 'too-few', count: 2 },
    'Too few checkpoints to tell a trend (2 completed).',
    '检查点太少，还看不出趋势（已完成 2 个）。'
  ],
  [
    { kind: 'near-timeout', pct: 72 },
    'The latest checkpoint took 72 % of the timeout.',
    '最近一次检查点耗时达到超时的 72 %。'
  ],
  [
    { kind: 'failures', failed: 3, of: 10 },
    '3 of the last 10 checkpoints failed.',
    '最近 10 个检查点中有 3 个失败。'
  ],
  [
    { kind: 'duration-doubled', spanMs: HOUR },
    'Duration doubled over the last 1h.',
    '耗时在最近 1小时 内翻倍。'
  ],
  [
    { kind: 'duration-times', factor: 3.5, spanMs: HOUR },
    'Duration grew 3.5× over the last 1h.',
    '耗时在最近 1小时 内增长到 3.5 倍。'
  ],
  [
    { kind: 'duration-grew', pct: 60, spanMs: HOUR },
    'Duration grew 60 % over the last 1h.',
    '耗时在最近 1小时 内增长 60 %。'
  ],
  [
    { kind: 'duration-fell', pct: 40, spanMs: HOUR },
    'Duration fell 40 % over the last 1h.',
    '耗时在最近 1小时 内下降 40 %。'
  ],
  [
    { kind: 'state-grew', pct: 40, spanMs: HOUR / 2 },
    'State size grew 40 % in 30m.',
    '状态大小在 30分 内增长 40 %。'
  ],
  [
    { kind: 'state-shrank', pct: 25, spanMs: HOUR / 2 },
    'State size shrank 25 % in 30m.',
    '状态大小在 30分 内减少 25 %。'
  ],
  [{ kind: 'steady', spanMs: HOUR }, 'Steady over the last 1h.', '最近 1小时 内保持平稳。']
]

describe('checkpoint trend words', () => {
  const en = createI18n('en-US').t
  const zh = createI18n('zh-CN').t

  it.each(FACTS)('says %o', (fact, english, chinese) => {
    expect(trendWords(fact, en)).toBe(english)
    expect(trendWords(fact, zh)).toBe(chinese)
  })

  it('labels a duration axis in ms, seconds with decimals, then minutes', () => {
    expect([0, 250, 1500, 12_000, 90_000].map((ms) => axisDuration(ms, en))).toEqual([
      '0',
      '250 ms',
      '1.5s',
      '12s',
      '1m 30s'
    ])
  })
})
