import { describe, expect, it } from 'vitest'
import { createSecretRegistry, redactSecrets } from '../../../src/main/core/log-redaction'
import { createLineLogger } from '../../../src/main/core/logger'

describe('redactSecrets', () => {
  it.each([
    ['GET /api/jobs?satoken=abc123def&page=1', 'GET /api/jobs?satoken=[redacted]&page=1'],
    ['header Authorization: Bearer eyJhbGciOi.x.y', 'header Authorization: [redacted]'],
    [
      'sent {"username":"admin","password":"dinky123!@#"}',
      'sent {"username":"admin","password":[redacted]}'
    ],
    ['cookie: satoken=9f8e7d; Path=/', 'cookie: [redacted]; Path=/'],
    ['why="login failed: token=deadbeef"', 'why="login failed: token=[redacted]"'],
    [
      'connect http://admin:s3cret@dinky:8888/api',
      'connect http://admin:[redacted]@dinky:8888/api'
    ],
    ['upstream said Bearer abcdefghijkl', 'upstream said Bearer [redacted]'],
    ["api_key='k-123456'", 'api_key=[redacted]']
  ])('masks %s', (line, expected) => {
    expect(redactSecrets(line)).toBe(expected)
  })

  it('leaves ordinary lines alone', () => {
    const lines = [
      '2026-01-01T00:00:00.000Z INFO [session] stream open profile="demo" url="http://127.0.0.1:8888/api"',
      'jobs polled count=12 tokens=5 reason="token-expired"',
      'the token expired; logging in again'
    ]
    for (const line of lines) expect(redactSecrets(line)).toBe(line)
  })

  it('masks every occurrence of a registered secret, whatever surrounds it', () => {
    const secrets = createSecretRegistry()
    secrets.add('dinky123!@#')
    secrets.add('ab') // too short to mask safely: ordinary text must survive
    expect(
      redactSecrets('server echoed dinky123!@# twice: dinky123!@#; about', secrets.values())
    ).toBe('server echoed [redacted] twice: [redacted]; about')
  })

  it('keeps a bounded number of secrets', () => {
    const secrets = createSecretRegistry(2)
    secrets.add('first-secret')
    secrets.add('second-secret')
    secrets.add('third-secret')
    expect([...secrets.values()]).toEqual(['second-secret', 'third-secret'])
  })
})

describe('the line logger (the logger port every sink writes through)', () => {
  it('never writes a password or token, by key, inside values, or as a known secret', () => {
    const lines: string[] = []
    const logger = createLineLogger((line) => lines.push(line), {
      level: 'debug',
      knownSecrets: () => ['hunter2-password']
    })
    logger.info('login', { user: 'admin', password: 'hunter2-password', satoken: 'tok-1' })
    logger.warn('request failed', {
      url: 'http://dinky/api/x?token=tok-2',
      why: 'echo hunter2-password'
    })
    logger.child('ws').error('upgrade refused Authorization: Bearer tok-3-abcdef')
    const text = lines.join('\n')
    for (const secret of ['hunter2-password', 'tok-1', 'tok-2', 'tok-3-abcdef']) {
      expect(text).not.toContain(secret)
    }
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/INFO login user="admin" password=\[redacted\] satoken=\[redacted\]$/)
    expect(lines[2]).toMatch(/ERROR \[ws\] upgrade refused Authorization: \[redacted\]$/)
  })
})
