import { cleanup, fireEvent, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { ProfileFormModal } from '../../../src/renderer/src/features/settings/ProfileFormModal'
import type { DiagnosisEvidence } from '../../../src/shared/diagnosis'
import { createServerProfile } from '../../../src/shared/profiles'
import { FakeFailure } from '../fake-api'
import { renderConsole } from '../render-console'

afterEach(cleanup)

/** Test connection against `url`, main answering not-dinky with English text and these figures. */
async function testAgainst(url: string, evidence: DiagnosisEvidence, language: 'zh-CN' | 'en-US') {
  const profile = { ...createServerProfile({ id: 'p1', name: 'Prod', url }), username: 'admin' }
  renderConsole(<ProfileFormModal profile={profile} onClose={() => {}} />, {
    language,
    handlers: {
      'profiles:test': () => {
        throw new FakeFailure({
          code: 'not-dinky',
          message: `/api/version: not-dinky: ${evidence.url} answered without Dinky's envelope: this address is not Dinky. Check the server URL`,
          evidence
        })
      }
    }
  })
  fireEvent.click(screen.getByTestId('profile-test'))
  return (await screen.findByTestId('profile-test-result')).textContent
}

describe('Test connection, for an address that is not Dinky', () => {
  it('says what was seen and the fix in Chinese', async () => {
    const text = await testAgainst(
      'http://dinky.example:8888/api',
      { status: 404, contentType: 'text/html', url: 'http://dinky.example:8888/api/api/version' },
      'zh-CN'
    )
    expect(text).toBe(
      '该地址不是 Dinky：http://dinky.example:8888/api/api/version 返回了 HTTP 404 text/html，不是 Dinky 的响应格式。请改用 http://dinky.example:8888（服务器地址不带 /api）。'
    )
    expect(text).not.toMatch(/answered|envelope|Check the server/)
  })

  it('suggests Dinky’s own address when the URL has no /api, and keeps server text inert', async () => {
    const text = await testAgainst(
      'http://web.example',
      { contentType: '<b>text/html</b>', url: 'http://web.example/api/version' },
      'zh-CN'
    )
    expect(text).toBe(
      '该地址不是 Dinky：http://web.example/api/version 返回了 <b>text/html</b>，不是 Dinky 的响应格式。请使用 Dinky 自身的地址，例如 http://host:8888（Dinky 默认端口），不带 /api。'
    )
    expect(document.querySelector('.ant-alert b')).toBeNull()
  })

  it('says it in English too', async () => {
    const text = await testAgainst(
      'http://dinky.example:8888/api/',
      { status: 200, url: 'http://dinky.example:8888/api/api/version' },
      'en-US'
    )
    expect(text).toBe(
      'This address is not Dinky: http://dinky.example:8888/api/api/version answered HTTP 200 without Dinky’s envelope. Use http://dinky.example:8888 (the server URL without /api).'
    )
  })
})
