import { describe, expect, it } from 'vitest'
import { worstState, type ConnectionState } from '../../src/shared/connection'
import { toJobStatus } from '../../src/shared/models'

describe('worstState', () => {
  it('picks the most severe state across streams', () => {
    const live: ConnectionState = { kind: 'live', since: 1 }
    const reconnecting: ConnectionState = {
      kind: 'reconnecting',
      attempt: 2,
      retryAt: 10,
      reason: 'connection-reset',
      since: 2
    }
    const expired: ConnectionState = { kind: 'auth-expired', reason: 'token-expired', since: 3 }
    expect(worstState([live, reconnecting])).toBe(reconnecting)
    expect(worstState([reconnecting, expired, live])).toBe(expired)
    expect(worstState([])).toBeUndefined()
  })
})

describe('toJobStatus', () => {
  it('matches case-insensitively and falls back to UNKNOWN, like JobStatus.get()', () => {
    expect(toJobStatus('running')).toBe('RUNNING')
    expect(toJobStatus('FAILED')).toBe('FAILED')
    expect(toJobStatus('bogus')).toBe('UNKNOWN')
    expect(toJobStatus(null)).toBe('UNKNOWN')
  })
})
