import { describe, expect, it } from 'vitest'
import { plainNotificationText } from '../../../src/main/desktop/plain-notification-text'

describe('plainNotificationText', () => {
  it('turns controls and line breaks into spaces and drops bidi overrides', () => {
    expect(plainNotificationText('job\u001b[2J\r\nname\u202egnp.exe')).toBe('job [2J namegnp.exe')
  })

  it('replaces markup characters by look-alikes no notification daemon interprets', () => {
    expect(plainNotificationText('<b>job</b> & <a href="x">co</a>')).toBe(
      '‹b›job‹/b› ＆ ‹a href="x"›co‹/a›'
    )
  })

  it('bounds the length, counting characters rather than UTF-16 units', () => {
    const text = plainNotificationText('作'.repeat(500))
    expect(Array.from(text)).toHaveLength(120)
    expect(text.endsWith('…')).toBe(true)
  })
})
