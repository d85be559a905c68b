import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../src/simulator/index'
import { startNginx, type NginxProxy } from '../../support/nginx-proxy'
import { runCli, type CliRun } from './cli-process'

describe('dinky-console watch --json behind nginx', () => {
  let sim: Simulator | null = null
  let nginx: NginxProxy | null = null
  let run: CliRun | null = null
  afterEach(async () => {
    run?.child.kill('SIGTERM')
    await run?.exit
    await nginx?.stop()
    await sim?.close()
    run = nginx = sim = null
  })

  it('prints the degraded state and a diagnosis line for a buffering proxy', async () => {
    sim = await startSimulator({ tickMs: 0, logRate: 0, heartbeatMs: 1_000 })
    nginx = await startNginx({ profile: 'default', upstreamPort: sim.port })
    run = runCli(['watch', '--server', nginx.url, '--json', '--heartbeat-timeout', '2'], {
      DINKY_PASSWORD: 'dinky123!@#'
    })
    const diagnosis = JSON.parse(
      await run.waitForLine('a diagnosis', (line) => line.includes('"diagnosis"'), 20_000)
    )
    expect(diagnosis).toMatchObject({ type: 'diagnosis', code: 'proxy-buffering' })
    expect(['topics', 'jvm']).toContain(diagnosis.stream)
    expect(diagnosis.detail).toMatch(/0 bytes in 2 s, 2 times in a row/)
    expect(diagnosis.advice).toContain('proxy_buffering off;')
    const degraded = JSON.parse(
      await run.waitForLine('degraded', (line) => line.includes('"degraded"'))
    )
    expect(degraded).toMatchObject({ type: 'state', state: 'degraded', reason: 'proxy-buffering' })
  }, 30_000)
})
