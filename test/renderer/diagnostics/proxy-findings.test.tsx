import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Diagnosis } from '../../../src/shared/diagnosis'
import { formatDateTime } from '../../../src/renderer/src/format/units'
import { ProxyFindings } from '../../../src/renderer/src/features/diagnostics/ProxyFindings'
import { renderConsole } from '../render-console'

afterEach(cleanup)

const at = Date.now()
const FINDINGS: Diagnosis[] = [
  {
    code: 'proxy-buffering',
    stream: 'topics',
    detail: 'HTTP 200, 0 bytes in 27 s, 2 times in a row, while REST answers',
    advice: '…',
    evidence: { status: 200, bytes: 0, waitedMs: 27_000, times: 2 },
    at
  },
  {
    code: 'proxy-idle-timeout',
    stream: 'jvm',
    detail: '…',
    advice: '…',
    evidence: { idleMs: 5_020, times: 3 },
    at
  },
  {
    code: 'not-dinky',
    stream: 'rest',
    detail: '…',
    advice: '…',
    evidence: {
      status: 404,
      contentType: '<b>text/html</b>',
      url: 'http://h:8888/api/api/version'
    },
    at
  }
]

describe('Diagnostics findings', () => {
  it('shows each finding with its evidence and the nginx lines that fix it', () => {
    renderConsole(<ProxyFindings findings={FINDINGS} />)
    const buffering = screen.getByTestId('finding-proxy-buffering')
    expect(buffering.textContent).toContain('HTTP 200, 0 bytes in 27 s, 2 times in a row')
    expect(buffering.textContent).toContain('proxy_buffering off;')
    expect(buffering.textContent).toContain('proxy_http_version 1.1;')
    const idle = screen.getByTestId('finding-proxy-idle-timeout')
    expect(idle.textContent).toContain('after 5 s without data')
    expect(idle.textContent).toContain('proxy_read_timeout 120s;')
    const notDinky = screen.getByTestId('finding-not-dinky')
    expect(notDinky.textContent).toContain('http://h:8888/api/api/version answered HTTP 404')
    // Server text is shown as text, never as markup.
    expect(notDinky.querySelector('b')).toBeNull()
    expect(notDinky.textContent).toContain('<b>text/html</b>')
  })

  it('says what the console does about a finding only while it holds', () => {
    const resolved = FINDINGS.map((finding) => ({ ...finding, resolvedAt: at + 60_000 }))
    const { unmount } = renderConsole(<ProxyFindings findings={FINDINGS} />)
    expect(screen.getByTestId('finding-proxy-buffering').textContent).toContain(
      'polling every 2 s meanwhile'
    )
    expect(screen.getByTestId('finding-not-dinky').textContent).toContain('once a minute')
    unmount()
    renderConsole(<ProxyFindings findings={resolved} />)
    const buffering = screen.getByTestId('finding-proxy-buffering')
    expect(buffering.textContent).toContain('HTTP 200, 0 bytes in 27 s')
    expect(buffering.textContent).not.toContain('polling')
    expect(screen.getByTestId('finding-proxy-idle-timeout').textContent).not.toContain('reconnects')
    expect(screen.getByTestId('finding-not-dinky').textContent).not.toContain('once a minute')
  })

  it('speaks Chinese', () => {
    renderConsole(<ProxyFindings findings={FINDINGS} />, { language: 'zh-CN' })
    expect(screen.getByTestId('finding-proxy-buffering').textContent).toContain(
      '27 秒内收到 0 字节，连续 2 次'
    )
  })

  it('shows a starved JVM stream with the polling and the rare retries, no nginx lines, in both languages', () => {
    const starved: Diagnosis = {
      code: 'jvm-stream-starved',
      stream: 'jvm',
      detail: '…',
      advice: '…',
      evidence: { waitedMs: 30_000, times: 2 },
      at
    }
    const { unmount } = renderConsole(<ProxyFindings findings={[starved]} />)
    const finding = screen.getByTestId('finding-jvm-stream-starved')
    expect(finding.textContent).toContain(
      'Heartbeats but no JVM figures for 30 s, 2 times in a row'
    )
    expect(finding.textContent).toContain('tried again only every 10 minutes')
    expect(finding.textContent).toContain('Restart Dinky')
    expect(finding.querySelector('[data-testid="nginx-snippet"]')).toBeNull()
    unmount()
    renderConsole(<ProxyFindings findings={[{ ...starved, resolvedAt: at + 1 }]} />, {
      language: 'zh-CN'
    })
    const zh = screen.getByTestId('finding-jvm-stream-starved')
    expect(zh.textContent).toContain('30 秒内只收到心跳、没有 JVM 数据，连续 2 次')
    expect(zh.textContent).not.toContain('轮询')
  })

  it('says when nothing was found', () => {
    renderConsole(<ProxyFindings findings={[]} />)
    expect(screen.getByText('Nothing stands between the console and Dinky.')).toBeTruthy()
  })

  it('shows a finding that no longer holds dimmed, with when it was seen and when it was resolved', () => {
    const resolvedAt = at + 95_000
    const findings = [FINDINGS[0], { ...FINDINGS[1], resolvedAt }, FINDINGS[2]]
    renderConsole(<ProxyFindings findings={findings} />)
    // Newest first, what still holds above what is resolved.
    const order = [...screen.getByTestId('proxy-findings').querySelectorAll('[data-resolved]')]
    expect(order.map((node) => node.getAttribute('data-testid'))).toEqual([
      'finding-not-dinky',
      'finding-proxy-buffering',
      'finding-proxy-idle-timeout'
    ])
    const idle = screen.getByTestId('finding-proxy-idle-timeout')
    expect(idle.getAttribute('data-resolved')).toBe('true')
    expect(idle.style.opacity).toBe('0.6')
    expect(idle.textContent).toContain(
      `No longer holds: seen at ${formatDateTime(at)}, resolved at ${formatDateTime(resolvedAt)}`
    )
    const buffering = screen.getByTestId('finding-proxy-buffering')
    expect(buffering.getAttribute('data-resolved')).toBe('false')
    expect(buffering.style.opacity).toBe('')
    expect(buffering.textContent).not.toContain('No longer holds')
  })

  it('says so in Chinese', () => {
    const findings = [{ ...FINDINGS[0], resolvedAt: at + 1_000 }]
    renderConsole(<ProxyFindings findings={findings} />, { language: 'zh-CN' })
    expect(screen.getByTestId('finding-proxy-buffering').textContent).toContain(
      `已不再存在：发现于 ${formatDateTime(at)}`
    )
  })
})
