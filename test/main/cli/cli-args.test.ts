import { describe, expect, it } from 'vitest'
import { parseCliArgs, UsageError } from '../../../src/main/cli/cli-args'

describe('parseCliArgs', () => {
  it('refuses credentials in --server, without repeating them', () => {
    for (const server of [
      'http://admin:s3cret@host:8888',
      'https://admin@host',
      'http://:s3cret@host'
    ]) {
      const error = (() => {
        try {
          parseCliArgs(['watch', '--server', server])
        } catch (e) {
          return e as Error
        }
        return null
      })()
      expect(error).toBeInstanceOf(UsageError)
      expect(error?.message).toMatch(/must not contain a user name or password/)
      expect(error?.message).not.toContain('s3cret')
    }
  })

  it('reads a full watch command with its defaults filled in', () => {
    const command = parseCliArgs([
      'watch',
      '--server=http://dinky:8888',
      '--tenant',
      '2',
      '--process',
      'FlinkSubmit/12',
      'FlinkSubmit/13',
      '--process',
      'FlinkSubmit/14',
      '--heartbeat-timeout',
      '30',
      '--backoff-base',
      '0.5',
      '--json'
    ])
    expect(command).toEqual({
      kind: 'watch',
      options: expect.objectContaining({
        server: 'http://dinky:8888',
        username: 'admin',
        passwordEnv: 'DINKY_PASSWORD',
        tenantId: 2,
        processes: ['FlinkSubmit/12', 'FlinkSubmit/13', 'FlinkSubmit/14'],
        heartbeatTimeoutMs: 30_000,
        backoffBaseMs: 500,
        backoffMaxMs: null,
        json: true,
        transport: 'auto'
      })
    })
  })

  it('reads cache commands and help', () => {
    expect(parseCliArgs(['cache', 'info', '--cache-dir', '/tmp/x'])).toEqual({
      kind: 'cache',
      action: 'info',
      cacheDir: '/tmp/x',
      profileId: null,
      json: false
    })
    expect(parseCliArgs(['cache', 'clear', '--profile', 'demo', '--json'])).toEqual({
      kind: 'cache',
      action: 'clear',
      cacheDir: null,
      profileId: 'demo',
      json: true
    })
    expect(parseCliArgs(['watch', '--help'])).toEqual({ kind: 'help' })
  })

  it.each([
    [[]],
    [['frobnicate']],
    [['watch']],
    [['watch', '--server', 'ftp://x']],
    [['watch', '--server', 'http://x', '--tenant', 'one']],
    [['watch', '--server', 'http://x', '--backoff-max', '-1']],
    [['watch', '--server', 'http://x', '--process', 'nonsense']],
    [['watch', '--server', 'http://x', '--username']],
    [['watch', '--server', 'http://x', '--bogus']],
    [['cache', 'wipe']],
    [['cache', 'info', '--profile', 'demo']]
  ])('rejects %j with a usage error', (argv) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError)
  })
})
