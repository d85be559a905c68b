import { describe, expect, it } from 'vitest'
import { formatDuration, formatTolerableFailures } from '../../../src/renderer/src/format/units'
import { createI18n } from '../../../src/renderer/src/i18n/setup-i18n'

describe('units as a person reads them', () => {
  it('says a sub-second duration in milliseconds, never "0s" (a real 10 ms checkpoint timeout)', () => {
    const { t } = createI18n('en-US')
    expect(formatDuration(10, t)).toBe('10 ms')
    expect(formatDuration(0, t)).toBe('0s')
    expect(formatDuration(1_000, t)).toBe('1s')
    expect(formatDuration(3_723_000, t)).toBe('1h 2m')
    expect(formatDuration(10, createI18n('zh-CN').t)).toBe('10毫秒')
  })

  it("says Flink's Integer.MAX_VALUE tolerable failures as unlimited", () => {
    const { t } = createI18n('en-US')
    expect(formatTolerableFailures(2_147_483_647, t)).toBe('Unlimited')
    expect(formatTolerableFailures(3, t)).toBe('3')
    expect(formatTolerableFailures(null, t)).toBe('—')
    expect(formatTolerableFailures(2_147_483_647, createI18n('zh-CN').t)).toBe('不限')
  })
})
