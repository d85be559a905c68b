import { describe, expect, it } from 'vitest'
import {
  normalizeSseData,
  normalizeWsFrame
} from '../../../../src/main/core/stream/normalize-message'

const jvm = {
  total: 100,
  max: 200,
  free: 50,
  cpuUsed: 0.5,
  nonHeapMax: -1,
  nonHeapUsed: 30,
  heapMax: 200,
  heapUsed: 50,
  threadPeakCount: 80,
  threadCount: 70,
  version: '1.8.0_392',
  home: '/usr/lib/jvm'
}
const process = {
  key: 'k1',
  title: 'FlinkSubmit',
  log: 'a\nb',
  status: 'RUNNING',
  type: 'FLINK_SUBMIT'
}
const frame = (topic: string, data: unknown) => JSON.stringify({ sessionKey: 's', topic, data })

describe('normalizeSseData', () => {
  it('reads a heartbeat', () => {
    expect(normalizeSseData(frame('HEART_BEAT', 'heart'))).toEqual({
      ok: true,
      messages: [{ topic: 'HEART_BEAT' }]
    })
  })

  it('splits /TOPIC/<KIND>/<param> topics and validates their payloads', () => {
    const console = normalizeSseData(frame('/TOPIC/PROCESS_CONSOLE/FlinkSubmit/12', process))
    expect(console).toMatchObject({
      ok: true,
      messages: [
        { topic: 'PROCESS_CONSOLE', param: 'FlinkSubmit/12', data: { key: 'k1', log: 'a\nb' } }
      ]
    })
    const print = normalizeSseData(frame('/TOPIC/PRINT_TABLE/`c`.`d`.`t`', '+I[1, foo]'))
    expect(print).toEqual({
      ok: true,
      messages: [{ topic: 'PRINT_TABLE', param: '`c`.`d`.`t`', data: '+I[1, foo]' }]
    })
    const metrics = normalizeSseData(
      frame('/TOPIC/METRICS/jid1', { model: 'jid1', heartTime: null, content: { v1: { m: 3 } } })
    )
    expect(metrics).toMatchObject({
      ok: true,
      messages: [{ data: { content: { v1: { m: '3' } } } }]
    })
  })

  it('reads the JVM stream, whose topic is a server-made UUID', () => {
    const result = normalizeSseData(frame('0b0e3e7c-uuid', jvm))
    expect(result).toEqual({ ok: true, messages: [{ topic: 'JVM_INFO', data: jvm }] })
  })

  it('refuses frames that are not JSON, not an SseDataVo, or carry a bad payload', () => {
    expect(normalizeSseData('<html>')).toEqual({ ok: false, detail: 'frame is not JSON' })
    expect(normalizeSseData('{"x":1}')).toEqual({ ok: false, detail: 'frame is not an SseDataVo' })
    const bad = normalizeSseData(frame('/TOPIC/PROCESS_CONSOLE/FlinkSubmit/1', { log: 'no key' }))
    expect(bad.ok).toBe(false)
    expect(normalizeSseData(frame('OTHER', 'x')).ok).toBe(false)
  })
})

describe('normalizeWsFrame', () => {
  it('unwraps the parameter-keyed data map and keeps only wanted parameters', () => {
    const wanted = (_topic: string, param: string) => param === 'FlinkSubmit/12'
    const raw = frame('PROCESS_CONSOLE', { 'FlinkSubmit/12': process, 'FlinkSubmit/99': process })
    const result = normalizeWsFrame(raw, wanted)
    expect(result).toMatchObject({ ok: true, messages: [{ param: 'FlinkSubmit/12' }] })
    expect(result.ok && result.messages).toHaveLength(1)
  })

  it('reads JVM_INFO under none-params', () => {
    const result = normalizeWsFrame(frame('JVM_INFO', { 'none-params': jvm }), () => true)
    expect(result).toEqual({ ok: true, messages: [{ topic: 'JVM_INFO', data: jvm }] })
  })
})
