/**
 * The not-dinky finding is fixed in Settings, not in nginx: Diagnostics says the server URL to use (without `/api`,
 * or Dinky's own address) in the UI's language, and shows no nginx snippet for it.
 */
import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Diagnosis } from '../../../src/shared/diagnosis'
import { ProxyFindings } from '../../../src/renderer/src/features/diagnostics/ProxyFindings'
import { renderConsole } from '../render-console'

afterEach(cleanup)

function notDinky(url: string): Diagnosis {
  return {
    code: 'not-dinky',
    stream: 'rest',
    detail: '…',
    advice: '…',
    evidence: { status: 404, contentType: 'application/json', url },
    at: Date.now()
  }
}

describe('the not-dinky finding', () => {
  it('names the URL without /api instead of an nginx snippet', () => {
    renderConsole(<ProxyFindings findings={[notDinky('http://h:8888/api/api/version')]} />)
    const finding = screen.getByTestId('finding-not-dinky')
    expect(finding.querySelector('[data-testid="nginx-snippet"]')).toBeNull()
    expect(screen.getByTestId('not-dinky-fix').textContent).toBe(
      'Use http://h:8888 (the server URL without /api).'
    )
  })

  it('says to use Dinky’s own address, in Chinese, when the URL has no /api', () => {
    renderConsole(<ProxyFindings findings={[notDinky('http://h/version-site/api/version')]} />, {
      language: 'zh-CN'
    })
    expect(screen.queryByTestId('nginx-snippet')).toBeNull()
    const fix = screen.getByTestId('not-dinky-fix').textContent ?? ''
    expect(fix).toMatch(/[\u4e00-\u9fff]/)
    expect(fix).toContain('8888')
  })

  it('keeps the nginx fix for a proxy finding', () => {
    const buffering: Diagnosis = {
      ...notDinky(''),
      code: 'proxy-buffering',
      evidence: { status: 200, bytes: 0, waitedMs: 27_000, times: 2 }
    }
    renderConsole(<ProxyFindings findings={[buffering]} />)
    expect(screen.getByTestId('nginx-snippet').textContent).toContain('proxy_buffering off;')
    expect(screen.queryByTestId('not-dinky-fix')).toBeNull()
  })
})
