/**
 * The acceptance run, automated: `dinky-console watch --json` follows a process against a 1.1 (SSE), a 1.2.0
 * and a 1.2.4 (path-token WebSocket) simulator while the simulator sends console copies torn, repeated and out of
 * order, and prints every console line exactly once.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../src/simulator/index'
import { runCli } from './cli-process'

const PASSWORD = 'dinky123!@#'
const PROCESS = 'FlinkSubmit/3'
const LINES = 30

describe.each([
  ['1.1.0', 'sse'],
  ['1.2.0', 'ws'],
  ['1.2.4', 'ws']
])('watch --json against a %s simulator racing console copies', (version, transport) => {
  let sim: Simulator | null = null
  afterEach(async () => {
    await sim?.close()
    sim = null
  })

  it(`goes live over ${transport} and prints each console line once`, async () => {
    sim = await startSimulator({ version, tickMs: 0, logRate: 0, heartbeatMs: 500 })
    const run = runCli(['watch', '--server', sim.url, '--json', '--process', PROCESS], {
      DINKY_PASSWORD: PASSWORD
    })
    try {
      await run.waitForLine('topics live', (l) => /"stream":"topics","state":"live"/.test(l))
      sim.control.raceConsoleCopies(true)
      for (let i = 1; i <= LINES; i++) {
        sim.control.appendLog(PROCESS, [`race line ${i}`])
        // In bursts of five: each burst's copies race one another, then the CLI has printed the burst.
        if (i % 5 === 0) await run.waitForLine(`line ${i}`, (l) => l.includes(`race line ${i}"`))
      }
      await run.waitForLine('the last line', (l) => l.includes(`race line ${LINES}"`))
      // One faithful copy after the race: every racing copy came before it on the stream.
      sim.control.raceConsoleCopies(false)
      sim.control.appendLog(PROCESS, ['the race is over'])
      await run.waitForLine('the line after the race', (l) => l.includes('the race is over'))
    } finally {
      run.child.kill('SIGINT')
    }
    expect(await run.exit).toBe(0)
    const logs = run.stdout.map((line) => JSON.parse(line)).filter((line) => line.type === 'log')
    const printed = logs.flatMap((log) => log.lines as string[])
    const numbers = printed.flatMap((line) => /race line (\d+)$/.exec(line)?.[1] ?? [])
    expect(numbers).toEqual(Array.from({ length: LINES }, (_, i) => String(i + 1)))
    expect(printed.some((line) => line.startsWith('[dinky-console]'))).toBe(false)
  })
})
