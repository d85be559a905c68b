import { describe, expect, it } from 'vitest'
import { SecretMask } from '../../../src/main/recording/secret-mask'
import { trimJson } from '../../../src/main/recording/body-trim'
import { createSseSplitter } from '../../../src/main/recording/sse-splitter'

describe('SecretMask', () => {
  it('masks a known token wherever it occurs, and secret-named values before they are known', () => {
    const mask = new SecretMask()
    mask.add('hunter2-password', '<password>')
    mask.addToken('dinky-token', 'abc123-token-value', true)
    expect(mask.text('/api/ws/global/abc123-token-value?x=1')).toBe('/api/ws/global/<token>?x=1')
    expect(mask.json({ user: { password: 'hash$$', name: 'admin' }, tokenValue: 'other' })).toEqual(
      {
        user: { password: '<password>', name: 'admin' },
        tokenValue: '<token>'
      }
    )
    expect(mask.json({ msg: 'said hunter2-password' })).toEqual({ msg: 'said <password>' })
    expect(mask.tokenName).toBe('dinky-token')
  })

  it('keeps cookie names and plain cookies, masks the rest', () => {
    const mask = new SecretMask()
    expect(mask.cookieHeader('tenantId=1; token=xyz; JSESSIONID=s3cr3t')).toBe(
      'tenantId=1; token=<token>; JSESSIONID=<cookie>'
    )
    expect(mask.setCookie('satoken=xyz; Max-Age=36000; Path=/')).toBe(
      'satoken=<token>; Max-Age=36000; Path=/'
    )
  })
})

describe('recording bounds', () => {
  it('cuts long arrays and strings and says where', () => {
    const trimmed: string[] = []
    const out = trimJson(
      { rows: Array.from({ length: 40 }, (_, i) => i), log: 'x'.repeat(5000) },
      trimmed
    )
    expect((out as { rows: number[] }).rows).toHaveLength(30)
    expect((out as { log: string }).log).toHaveLength(4096)
    expect(trimmed).toEqual([
      '/rows: array of 40 cut to 30',
      '/log: string of 5000 chars cut to 4096'
    ])
  })

  it('splits an SSE body into events as they come, across chunks, keeping the framing', () => {
    const events: string[] = []
    const split = createSseSplitter((raw) => events.push(raw))
    const bytes = new TextEncoder().encode('retry:1000\n\ndata:{"topic":"HEART_BEAT"}\n\nda')
    split.push(bytes.slice(0, 7))
    split.push(bytes.slice(7))
    split.push(new TextEncoder().encode('ta:{"a":1}\r\n\r\n'))
    split.end()
    expect(events).toEqual(['retry:1000', 'data:{"topic":"HEART_BEAT"}', 'data:{"a":1}'])
  })
})
