/**
 * Version (`/api/version` and `/openapi/version`, each as the release answers it), login, tenant choice, current user, token info and logout (`AdminController`), with Dinky's quirks:
 * the login body's `tokenInfo` is stale (computed before the login), the token travels in a header and a cookie
 * named by the version, and `/api/current` needs the `tenantId` cookie.
 */

import { createHash } from 'node:crypto'
import { ok, failed, type SimState } from '../sim-state'
import { formatCookieExpires, formatDateTime } from '../world/time-format'
import { TENANT_ID } from '../world/entities'
import { isWebSocketVersion } from '../options'
import { USER_ID } from './auth'
import { CODE, jsonReply, resultBody, springErrorReply } from './envelope'
import type { Login, RequestContext } from './request'
import type { Route } from './router'

const SEED_TIME = Date.UTC(2024, 4, 6, 2, 0, 0)

function tenant(): object {
  const time = formatDateTime(SEED_TIME)
  return {
    id: TENANT_ID,
    tenantCode: 'DefaultTenant',
    note: 'DefaultTenant',
    isDelete: false,
    createTime: time,
    updateTime: time
  }
}

/** `SaTokenInfo`; with no login it is the stale one of the login response (`isLogin:false`, -2 timeouts). */
function tokenInfo(state: SimState, login: Login | null, requestToken: string | null): object {
  const left = login ? Math.max(0, Math.round((login.expiresAt - state.options.now()) / 1000)) : -2
  return {
    tokenName: state.tokenName,
    tokenValue: login?.token ?? requestToken,
    isLogin: login !== null,
    loginId: login ? String(login.loginId) : null,
    loginType: 'random-32',
    tokenTimeout: left,
    sessionTimeout: left,
    tokenSessionTimeout: -2,
    tokenActiveTimeout: -1,
    loginDevice: login ? 'default-device' : null,
    tag: null
  }
}

function userDto(
  state: SimState,
  login: Login | null,
  requestToken: string | null,
  current: boolean
): object {
  const time = formatDateTime(SEED_TIME)
  return {
    user: {
      id: USER_ID,
      username: state.options.username,
      password: createHash('md5').update(state.options.password).digest('hex'),
      nickname: 'Admin',
      userType: 0,
      worknum: null,
      avatar: null,
      mobile: null,
      enabled: true,
      isDelete: false,
      superAdminFlag: true,
      tenantAdminFlag: true,
      createTime: time,
      updateTime: time
    },
    roleList: [
      {
        id: 1,
        tenantId: TENANT_ID,
        roleCode: 'SuperAdmin',
        roleName: 'SuperAdmin',
        isDelete: false,
        note: 'SuperAdmin of Role',
        createTime: time,
        updateTime: time,
        // `SysRole.tenant` is never filled for the login's roles (recordings of real 1.1.0 and 1.2.0).
        tenant: null
      }
    ],
    tenantList: [tenant()],
    menuList: [],
    currentTenant: current ? tenant() : null,
    tokenInfo: tokenInfo(state, login, requestToken)
  }
}

async function login(state: SimState, ctx: RequestContext) {
  const body = (await ctx.json()) as { username?: unknown; password?: unknown; autoLogin?: unknown }
  const at = state.options.now()
  if (body?.username !== state.options.username) {
    return failed(state, CODE.AUTHORIZE_ERROR, state.language.message('USER_NOT_EXIST'))
  }
  if (body.password !== state.options.password) {
    return failed(state, CODE.AUTHORIZE_ERROR, state.language.message('LOGIN_FAILURE'))
  }
  const requestToken =
    state.tokens.read({ query: ctx.query, headers: ctx.req.headers, cookies: ctx.cookies }) ?? null
  const { token, expiresAt } = state.tokens.login(USER_ID)
  const name = state.tokenName
  const lifetime =
    body.autoLogin === false
      ? ''
      : `; Max-Age=${Math.round(state.options.tokenTtlMs / 1000)}; Expires=${formatCookieExpires(expiresAt)}`
  const data = userDto(state, null, requestToken, false)
  return jsonReply(
    resultBody(data, CODE.SUCCESS, state.language.message('LOGIN_SUCCESS'), at),
    200,
    {
      'Set-Cookie': `${name}=${token}${lifetime}; Path=/`,
      [name]: token,
      'Access-Control-Expose-Headers': name
    }
  )
}

export function authRoutes(state: SimState): Route[] {
  return [
    {
      // `AdminController.getVersionInfo` (`@SaCheckLogin`): public only from 1.2.0, where AppConfig excludes the path
      // from the SaInterceptor; on 1.0.x–1.1.x an anonymous call meets the 401 NOT_TOKEN wall. Its `msg` is
      // "Successfully" (`Result.succeed(Object)`), unlike `/openapi/version`'s "Query Successfully".
      method: 'GET',
      path: '/api/version',
      login: !isWebSocketVersion(state.options.version),
      handle: () => ok(state, state.options.version)
    },
    {
      // `APIController.getVersionInfo`: `/openapi/**` runs as the admin without a login on every release.
      method: 'GET',
      path: '/openapi/version',
      login: false,
      handle: () => ok(state, state.options.version, 'QUERY_SUCCESS')
    },
    { method: 'POST', path: '/api/login', login: false, handle: (ctx) => login(state, ctx) },
    {
      method: 'POST',
      path: '/api/chooseTenant',
      login: true,
      handle: (ctx) =>
        Number(ctx.query.get('tenantId')) === TENANT_ID
          ? ok(state, tenant(), 'SELECT_TENANT_SUCCESS')
          : failed(state, CODE.ERROR, state.language.message('OPERATE_FAILED'))
    },
    {
      method: 'GET',
      path: '/api/current',
      login: true,
      handle: (ctx) =>
        ctx.tenantId === null
          ? springErrorReply(400, ctx.path, ctx.at)
          : ok(state, userDto(state, ctx.login, ctx.login?.token ?? null, true))
    },
    {
      method: 'GET',
      path: '/api/tokenInfo',
      login: true,
      handle: (ctx) => ok(state, tokenInfo(state, ctx.login, null))
    },
    {
      method: 'DELETE',
      path: '/api/outLogin',
      login: true,
      handle: (ctx) => {
        state.tokens.logout(ctx.login?.loginId ?? USER_ID)
        return ok(state, null, 'SIGN_OUT_SUCCESS')
      }
    }
  ]
}
