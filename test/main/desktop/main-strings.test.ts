import { describe, expect, it } from 'vitest'
import { mainStrings } from '../../../src/main/desktop/main-strings'

describe('main-process strings', () => {
  it('follow the language setting, and the OS locale when it is system', () => {
    expect(mainStrings('zh-CN', 'en-US').quit).toBe('退出')
    expect(mainStrings('en-US', 'zh-CN').quit).toBe('Quit')
    expect(mainStrings('system', 'zh-TW').state['auth-expired']).toBe('登录已过期')
    expect(mainStrings('system', 'de-DE').state.reconnecting).toBe('Reconnecting')
  })
})
