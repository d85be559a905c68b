/**
 * A finished process read back (`getProcess`): Dinky reads it from the file fastjson2 wrote, so the steps in its
 * `children` lists are fastjson2 maps (alphabetical keys, `yyyy-MM-dd HH:mm:ss.SSS`) while its own fields stay
 * Jackson's. Held to the key order and time text of the recording of real 1.1.0.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/simulator/index'
import { getJson, login, TEST_OPTIONS, type Json } from './helpers'

const RECORDING = resolve(import.meta.dirname, '../fixtures/real-dinky/1.1.0/recording.ndjson')
const FASTJSON_TIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{3}|\.\d{9})?$/
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?$/

function recordedProcess(): Json {
  const entry = readFileSync(RECORDING, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Json)
    .find((e) => e.kind === 'http' && e.path === '/api/process/getProcess')
  return entry.body.json.data
}

describe('a finished process read back', () => {
  let sim: Simulator
  let token: string
  beforeAll(async () => {
    sim = await startSimulator({ ...TEST_OPTIONS, version: '1.1.0' })
    token = await login(sim)
  })
  afterAll(() => sim.close())

  it('has fastjson2 steps under Jackson fields, as real Dinky 1.1.0 answers', async () => {
    const finished = sim.control.world.console.list().find((p) => p.endTime !== null)!
    const res = await getJson(sim, token, `/api/process/getProcess?processName=${finished.name}`)
    const process = res.body.data
    const real = recordedProcess()
    expect(Object.keys(process)).toEqual(Object.keys(real))
    expect(process.startTime).toMatch(ISO_TIME)
    expect(Object.keys(process.lastUpdateStep)).toEqual(Object.keys(real.lastUpdateStep))
    expect(process.lastUpdateStep.startTime).toMatch(ISO_TIME)
    const step = process.children[0]
    expect(Object.keys(step)).toEqual(Object.keys(real.children[0]))
    expect(step.startTime).toMatch(FASTJSON_TIME)
    expect(step.endTime).toMatch(FASTJSON_TIME)
    expect(real.children[0].startTime).toMatch(FASTJSON_TIME)
  })
})
