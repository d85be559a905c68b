import { describe, expect, it } from 'vitest'
import { appSettingsSchema } from '../../../../src/main/core/cache/settings-document'
import { timelineSettingsOf } from '../../../../src/main/core/timeline/create-session-timeline'
import { DEFAULT_APP_SETTINGS } from '../../../../src/shared/profiles'
import { DEFAULT_TIMELINE_SETTINGS } from '../../../../src/shared/timeline'

describe('timeline settings', () => {
  it('reads the bounds from settings.json, dropping what is out of range', () => {
    const parse = (timeline: unknown) => appSettingsSchema.parse({ timeline }).timeline
    expect(parse({ maxAgeDays: 7, maxEvents: 1_000 })).toEqual({ maxAgeDays: 7, maxEvents: 1_000 })
    expect(parse({ maxAgeDays: 7, maxEvents: 1e9 })).toBeUndefined()
    expect(parse('lots')).toBeUndefined()
    expect(parse(undefined)).toBeUndefined()
  })

  it('applies the defaults where a session reads them', () => {
    expect(timelineSettingsOf(DEFAULT_APP_SETTINGS)).toEqual(DEFAULT_TIMELINE_SETTINGS)
    expect(
      timelineSettingsOf({ ...DEFAULT_APP_SETTINGS, timeline: { maxAgeDays: 2, maxEvents: -1 } })
    ).toEqual({ maxAgeDays: 2, maxEvents: DEFAULT_TIMELINE_SETTINGS.maxEvents })
  })
})
