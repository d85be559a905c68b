import { describe, expect, it } from 'vitest'
import {
  classifyEnvelopeCode,
  classifyHttpStatus,
  classifyNetworkError,
  describeNetworkError
} from '../../../../src/main/core/dinky/classify'
import { findLoginToken } from '../../../../src/main/core/dinky/login-token'

const withCause = (code: string) =>
  Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) })

describe('classifyHttpStatus', () => {
  it('tells a proxy error page from a Dinky 5xx and a wrong 200', () => {
    expect(classifyHttpStatus(502, 'text/html')).toBe('proxy-html')
    expect(classifyHttpStatus(503, 'text/html; charset=utf-8')).toBe('proxy-html')
    expect(classifyHttpStatus(500, 'application/json')).toBe('http-5xx')
    expect(classifyHttpStatus(200, 'text/html')).toBe('wrong-content-type')
    expect(classifyHttpStatus(200, null)).toBe('wrong-content-type')
    expect(classifyHttpStatus(401, 'application/json')).toBe('token-expired')
    expect(classifyHttpStatus(204, null)).toBe('http-204')
    expect(classifyHttpStatus(404, 'application/json')).toBe('http-4xx')
  })
})

describe('classifyNetworkError', () => {
  it('reads the socket error code through the fetch cause chain', () => {
    expect(classifyNetworkError(withCause('ECONNREFUSED'))).toBe('connection-refused')
    expect(classifyNetworkError(withCause('ECONNRESET'))).toBe('connection-reset')
    expect(classifyNetworkError(withCause('ENOTFOUND'))).toBe('dns-failure')
    expect(classifyNetworkError(withCause('UND_ERR_SOCKET'))).toBe('connection-reset')
    expect(classifyNetworkError(withCause('DEPTH_ZERO_SELF_SIGNED_CERT'))).toBe('tls-failure')
    expect(classifyNetworkError(withCause('ERR_TLS_CERT_ALTNAME_INVALID'))).toBe('tls-failure')
    expect(classifyNetworkError(new DOMException('t', 'TimeoutError'))).toBe('timeout')
  })

  it('looks into AggregateErrors (happy eyeballs tries v4 and v6)', () => {
    const inner = Object.assign(new Error('x'), { code: 'ECONNREFUSED' })
    const aggregate = new AggregateError([inner], 'all failed')
    expect(classifyNetworkError(new TypeError('fetch failed', { cause: aggregate }))).toBe(
      'connection-refused'
    )
  })

  it('describes an error by its deepest code', () => {
    expect(describeNetworkError(withCause('ECONNREFUSED'))).toBe('ECONNREFUSED')
  })
})

describe('classifyEnvelopeCode', () => {
  it('reads code 7 as a lost login, or as a failed login on the login call', () => {
    expect(classifyEnvelopeCode(7, false)).toBe('token-expired')
    expect(classifyEnvelopeCode(7, true)).toBe('login-failed')
    expect(classifyEnvelopeCode(5, false)).toBe('http-5xx')
    expect(classifyEnvelopeCode(6, false)).toBe('http-4xx')
  })
})

describe('findLoginToken', () => {
  it('uses the name listed in Access-Control-Expose-Headers (1.0/1.1: token)', () => {
    const headers = new Headers({ 'access-control-expose-headers': 'token', token: 'abc-1' })
    expect(findLoginToken(headers)).toEqual({ name: 'token', value: 'abc-1' })
  })

  it('finds dinky-token (1.2), from the header or from the cookie', () => {
    const header = new Headers({
      'access-control-expose-headers': 'dinky-token',
      'dinky-token': 'v'
    })
    expect(findLoginToken(header)).toEqual({ name: 'dinky-token', value: 'v' })
    const cookie = new Headers()
    cookie.append('set-cookie', 'dinky-token=from-cookie; Path=/; Max-Age=36000')
    expect(findLoginToken(cookie)).toEqual({ name: 'dinky-token', value: 'from-cookie' })
  })

  it('returns null when the response carries no token', () => {
    expect(findLoginToken(new Headers({ 'access-control-expose-headers': '*' }))).toBeNull()
  })
})
