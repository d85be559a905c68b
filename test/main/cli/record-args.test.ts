import { describe, expect, it } from 'vitest'
import { UsageError } from '../../../src/main/cli/cli-args'
import { parseRecordArgs, parseReplayArgs } from '../../../src/main/cli/record-args'

describe('record and replay arguments', () => {
  it('reads record options with their defaults', () => {
    const options = parseRecordArgs([
      '--server',
      'http://h:8888',
      '--out=rec',
      '--job-detail',
      '3',
      '--job-detail',
      '4'
    ])
    expect(options).toMatchObject({
      server: 'http://h:8888',
      out: 'rec',
      seconds: 60,
      jobs: 3,
      jobDetails: [3, 4],
      passwordEnv: 'DINKY_PASSWORD'
    })
  })

  it('refuses what cannot be recorded', () => {
    expect(() => parseRecordArgs(['--out', 'x'])).toThrow(UsageError)
    expect(() => parseRecordArgs(['--server', 'http://h'])).toThrow(/--out/)
    expect(() => parseRecordArgs(['--server', 'http://u:p@h', '--out', 'x'])).toThrow(UsageError)
    expect(() => parseRecordArgs(['--server', 'http://h', '--out', 'x', '--bogus'])).toThrow(
      /--bogus/
    )
  })

  it('reads replay DIR --port P --speed X', () => {
    expect(parseReplayArgs(['dir', '--port', '0', '--speed', '10'])).toEqual({
      dir: 'dir',
      port: 0,
      host: '127.0.0.1',
      speed: 10
    })
    expect(() => parseReplayArgs(['--port', '1'])).toThrow(/DIR/)
  })
})
