/**
 * `/api/version` and `/openapi/version` as each release answers them (issue 21): on 1.0.x–1.1.x `/api/version` has
 * `@SaCheckLogin` and no AppConfig exclusion, so an anonymous call gets Dinky's 401 NOT_TOKEN envelope; from 1.2.0
 * it is public. `/openapi/version` answers without a login on every release.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/simulator/index'
import { login, readJson, TEST_OPTIONS } from './helpers'

const TIME = '"time":"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"'

describe('the version endpoints per release', () => {
  let sim: Simulator | null = null
  afterEach(async () => {
    await sim?.close()
    sim = null
  })

  for (const version of ['1.0.3', '1.1.0']) {
    it(`${version}: /api/version answers an anonymous call with 401 and Dinky's NOT_TOKEN body`, async () => {
      sim = await startSimulator({ ...TEST_OPTIONS, version })
      const res = await fetch(`${sim.url}/api/version`)
      expect(res.status).toBe(401)
      expect(res.headers.get('content-type')).toBe('application/json')
      expect(await res.text()).toMatch(
        new RegExp(
          `^\\{"data":null,"code":7,"msg":"Can Not Read Token",${TIME},"success":false\\}$`
        )
      )
      const token = await login(sim)
      const withToken = await readJson(
        await fetch(`${sim.url}/api/version`, { headers: { token } })
      )
      expect(withToken).toMatchObject({ data: version, code: 0, msg: 'Successfully' })
    })
  }

  for (const version of ['1.0.3', '1.1.0', '1.2.0']) {
    it(`${version}: /openapi/version answers without a login, tenant cookie or not`, async () => {
      sim = await startSimulator({ ...TEST_OPTIONS, version })
      const res = await fetch(`${sim.url}/openapi/version`, { headers: { Cookie: 'tenantId=1' } })
      expect(res.status).toBe(200)
      expect(await res.text()).toMatch(
        new RegExp(
          `^\\{"data":"${version.replace(/\./g, '\\.')}","code":0,"msg":"Query Successfully",${TIME},"success":true\\}$`
        )
      )
    })
  }

  it('1.2.0: /api/version is public, but a tenant cookie without a login meets the TenantInterceptor', async () => {
    sim = await startSimulator({ ...TEST_OPTIONS, version: '1.2.0' })
    const res = await fetch(`${sim.url}/api/version`)
    expect(res.status).toBe(200)
    expect(await readJson(res)).toMatchObject({ data: '1.2.0', code: 0, msg: 'Successfully' })
    const probe = await fetch(`${sim.url}/api/version`, { headers: { Cookie: 'tenantId=1' } })
    expect(probe.status).toBe(200)
    expect(await probe.text()).toBe('')
  })
})
