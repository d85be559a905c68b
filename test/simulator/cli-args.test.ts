import { describe, expect, it } from 'vitest'
import { parseCliArgs } from '../../src/simulator/cli-args'

describe('simulator command arguments', () => {
  it('defaults to Dinky port 8888 and reads every documented flag', () => {
    expect(parseCliArgs([])).toEqual({ ok: true, help: false, options: { port: 8888 } })
    const parsed = parseCliArgs([
      '--port',
      '0',
      '--seed=9',
      '--heartbeat-ms',
      '500',
      '--log-rate',
      '2000',
      '--version',
      '1.2.0',
      '--demo-faults',
      '--jobs',
      '2000',
      '--churn=6'
    ])
    expect(parsed).toEqual({
      ok: true,
      help: false,
      options: {
        port: 0,
        seed: 9,
        heartbeatMs: 500,
        logRate: 2000,
        version: '1.2.0',
        demoFaults: true,
        jobs: 2000,
        churnPerMinute: 6
      }
    })
  })

  it('rejects unknown flags, missing values and bad numbers with a message', () => {
    expect(parseCliArgs(['--bogus', '1'])).toEqual({ ok: false, error: 'unknown option --bogus' })
    expect(parseCliArgs(['--port'])).toEqual({ ok: false, error: '--port needs a value' })
    expect(parseCliArgs(['--port', '70000'])).toMatchObject({ ok: false })
    expect(parseCliArgs(['--log-rate', '-1'])).toMatchObject({ ok: false })
    expect(parseCliArgs(['--version', 'latest'])).toMatchObject({ ok: false })
    expect(parseCliArgs(['--jobs', '5'])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/12/)
    })
    expect(parseCliArgs(['--jobs', '1000000'])).toMatchObject({ ok: false })
  })
})
