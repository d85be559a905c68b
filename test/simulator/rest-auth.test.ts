import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/simulator/index'
import { ACCOUNT, getJson, login, TEST_OPTIONS, readJson } from './helpers'

describe('REST auth, envelopes and status codes', () => {
  let sim: Simulator
  beforeEach(async () => {
    sim = await startSimulator(TEST_OPTIONS)
  })
  afterEach(() => sim.close())

  it('logs in with the token in a header, a cookie and Access-Control-Expose-Headers, and a stale tokenInfo', async () => {
    const res = await fetch(`${sim.url}/api/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...ACCOUNT, autoLogin: true, ldapLogin: false })
    })
    const token = res.headers.get('token')
    expect(token).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    expect(res.headers.get('set-cookie')).toMatch(
      new RegExp(`^token=${token}; Max-Age=36000; Expires=.+; Path=/$`)
    )
    expect(res.headers.get('access-control-expose-headers')).toBe('token')
    const body = await readJson(res)
    expect(body).toMatchObject({ code: 0, msg: 'Login Successfully', success: true })
    expect(body.data.tokenInfo).toMatchObject({ isLogin: false, tokenValue: null })
    expect(body.data.tenantList[0]).toMatchObject({ id: 1, tenantCode: 'DefaultTenant' })
  })

  it('answers a wrong password with HTTP 200, code 7 and success false', async () => {
    const res = await fetch(`${sim.url}/api/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'wrong' })
    })
    expect(res.status).toBe(200)
    expect(await readJson(res)).toMatchObject({
      code: 7,
      success: false,
      msg: 'UserName Or Password Not Correct'
    })
  })

  it('answers 401 code 7 with the reason of a missing, invalid, expired or replaced token', async () => {
    const msgOf = async (headers: Record<string, string>) => {
      const res = await fetch(`${sim.url}/api/tokenInfo`, { headers })
      expect(res.status).toBe(401)
      const body = await readJson(res)
      expect(body).toMatchObject({ code: 7, success: false, data: null })
      return body.msg
    }
    expect(await msgOf({})).toBe('Can Not Read Token')
    expect(await msgOf({ token: 'no-such-token' })).toBe('Invalid Token')
    const first = await login(sim)
    await login(sim)
    expect(await msgOf({ token: first })).toBe('token has been pushed offline')
    sim.control.expireTokens()
    const current = await login(sim)
    sim.control.expireTokens()
    expect(await msgOf({ token: current })).toBe('Expired Token')
  })

  it('accepts the token as query parameter, header or cookie, the parameter first', async () => {
    const token = await login(sim)
    const ok = (res: Response) => res.status
    expect(ok(await fetch(`${sim.url}/api/tokenInfo?token=${token}`))).toBe(200)
    expect(ok(await fetch(`${sim.url}/api/tokenInfo`, { headers: { token } }))).toBe(200)
    expect(
      ok(await fetch(`${sim.url}/api/tokenInfo`, { headers: { Cookie: `token=${token}` } }))
    ).toBe(200)
    const invalidParamWins = await fetch(`${sim.url}/api/tokenInfo?token=bad`, {
      headers: { token }
    })
    expect(invalidParamWins.status).toBe(401)
  })

  it('expires a token after tokenTtlMs', async () => {
    await sim.close()
    let now = Date.now()
    sim = await startSimulator({ ...TEST_OPTIONS, tokenTtlMs: 50, now: () => now })
    const token = await login(sim)
    now += 49
    const before = await fetch(`${sim.url}/api/tokenInfo`, { headers: { token } })
    expect(before.status).toBe(200)
    now += 31
    const res = await fetch(`${sim.url}/api/tokenInfo`, { headers: { token } })
    expect((await readJson(res)).msg).toBe('Expired Token')
  })

  it('needs the tenantId cookie on /api/current (200 with code 5); on 1.1 the login check answers a tenant cookie without login first', async () => {
    const token = await login(sim)
    const without = await fetch(`${sim.url}/api/current`, { headers: { token } })
    expect(without.status).toBe(200)
    expect(await readJson(without)).toMatchObject({ code: 5, success: false })
    const current = await getJson(sim, token, '/api/current')
    expect(current.body.data.currentTenant).toMatchObject({ id: 1 })
    expect(current.body.data.tokenInfo).toMatchObject({
      isLogin: true,
      tokenValue: token,
      tokenName: 'token'
    })
    // The SaInterceptor's annotation check runs before the TenantInterceptor (the 1.2 empty 200: version-per-release).
    const probe = await fetch(`${sim.url}/api/version`, { headers: { Cookie: 'tenantId=1' } })
    expect(probe.status).toBe(401)
    expect((await readJson(probe)).msg).toBe('Can Not Read Token')
  })

  it('chooses tenant 1 and logs out, after which the token is invalid', async () => {
    const token = await login(sim)
    const chosen = await fetch(`${sim.url}/api/chooseTenant?tenantId=1`, {
      method: 'POST',
      headers: { token }
    })
    expect(await readJson(chosen)).toMatchObject({
      code: 0,
      msg: 'Select Tenant Success',
      data: { id: 1 }
    })
    const out = await fetch(`${sim.url}/api/outLogin`, { method: 'DELETE', headers: { token } })
    expect(await readJson(out)).toMatchObject({ code: 0, msg: 'Sign Out Successfully' })
    const after = await fetch(`${sim.url}/api/tokenInfo`, { headers: { token } })
    expect((await readJson(after)).msg).toBe('Invalid Token')
  })

  it('answers 404 for unknown paths, and code 5 in a 200 for a wrong method or malformed JSON', async () => {
    const token = await login(sim)
    const unknown = await fetch(`${sim.url}/api/nope`, { headers: { token } })
    expect(unknown.status).toBe(404)
    expect(await readJson(unknown)).toMatchObject({
      status: 404,
      error: 'Not Found',
      path: '/api/nope'
    })
    const wrongMethod = await fetch(`${sim.url}/api/login`)
    expect(wrongMethod.status).toBe(200)
    expect(await readJson(wrongMethod)).toMatchObject({
      code: 5,
      msg: "Request method 'GET' not supported"
    })
    const malformed = await fetch(`${sim.url}/api/jobInstance`, {
      method: 'POST',
      headers: { token, Cookie: 'tenantId=1', 'Content-Type': 'application/json' },
      body: '{"current":'
    })
    expect(malformed.status).toBe(200)
    expect((await readJson(malformed)).data).toMatch(
      /^org\.springframework\.http\.converter\.HttpMessageNotReadableException: /
    )
  })

  it('writes msg texts in Chinese after a request chose zh-CN (process-global)', async () => {
    await fetch(`${sim.url}/api/version`, { headers: { language: 'zh-CN' } })
    const res = await fetch(`${sim.url}/api/tokenInfo`)
    expect((await readJson(res)).msg).toBe('未能读取到有效 Token')
  })
})
