import { describe, expect, it } from 'vitest'
import {
  chooseTransport,
  createStreamTransports,
  isWebSocketVersion
} from '../../../../src/main/core/stream/choose-transport'
import { createDinkyClient } from '../../../../src/main/core/dinky/client'
import { silentLogger } from '../../../../src/main/core/logger'

describe('chooseTransport', () => {
  it('picks SSE up to 1.1 and WS from 1.2 on, snapshots included', () => {
    expect(['1.0.3', '1.1.0', '1.1.1-SNAPSHOT'].map(isWebSocketVersion)).toEqual([
      false,
      false,
      false
    ])
    expect(['1.2.0-SNAPSHOT', '1.2.0', '1.10.0', '2.0'].map(isWebSocketVersion)).toEqual([
      true,
      true,
      true,
      true
    ])
  })

  it('lets the profile override the probe, and falls back to SSE for an unknown version', () => {
    expect(chooseTransport('auto', '1.2.0')).toBe('ws')
    expect(chooseTransport('sse', '1.2.0')).toBe('sse')
    expect(chooseTransport('ws', '1.0.3')).toBe('ws')
    expect(chooseTransport('auto', null)).toBe('sse')
  })

  it('makes two SSE streams or one WS stream', () => {
    const client = createDinkyClient({ baseUrl: 'http://127.0.0.1:9', logger: silentLogger })
    const options = { client, logger: silentLogger }
    expect(createStreamTransports('sse', options).map((t) => `${t.kind}/${t.stream}`)).toEqual([
      'sse/topics',
      'sse/jvm'
    ])
    expect(createStreamTransports('ws', options).map((t) => t.heartbeatIntervalMs)).toEqual([5_000])
  })
})
