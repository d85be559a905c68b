/**
 * Version (`/api/version` and `/openapi/version`, each as the release answers it), login, tenant choice, current user, token info and logout (`AdminController`), with Dinky's quirks:
 * the login body's `tokenInfo` is stale (computed before the login), the token travels in a header and a cookie
 * named by the version, and `/api/current` needs the `tenantId` cookie.
 */

import { createHash } from 'node:crypto'
import { ok, failed, type SimState } from '../sim-state'
import { formatCookieExpires, formatDateTime, formatLocalDateTime } from '../world/time-format'
import { TENANT_ID } from '../world/entities'
import { isWebSocketVersion } from '../options'
import { USER_ID } from './auth'
import { CODE, jsonReply, resultBody, springRejectionReply } from './envelope'
import type { Login, RequestContext } from './request'
import type { Route } from './router'

/** The seed rows' `2022-12-13 05:27:19` (server time, UTC+8), as the recordings of real 1.1.0 and 1.2.0 show. */
const SEED_TIME = Date.UTC(2022, 11, 12, 21, 27, 19)

/**
 * A seed row with its `createTime`/`updateTime`: 1.2 writes them first as `yyyy-MM-dd HH:mm:ss` (recordings of real
 * 1.2.0); 1.1 where its entity declares them (`before`: the field they precede; at the end when absent), the tenant's
 * in Jackson's ISO form (`iso`, no `@JsonFormat` there), the user's and role's as `yyyy-MM-dd HH:mm:ss`.
 */
function withTimes(
  state: SimState,
  row: Record<string, unknown>,
  before?: string,
  iso = false
): object {
  const ws = isWebSocketVersion(state.options.version)
  const time = iso && !ws ? formatLocalDateTime(SEED_TIME) : formatDateTime(SEED_TIME)
  const times = { createTime: time, updateTime: time }
  if (ws) return { ...times, ...row }
  const entries = Object.entries(row)
  const at = before === undefined ? entries.length : entries.findIndex(([key]) => key === before)
  return Object.fromEntries([
    ...entries.slice(0, at),
    ...Object.entries(times),
    ...entries.slice(at)
  ])
}

function tenant(state: SimState): object {
  return withTimes(
    state,
    { id: TENANT_ID, tenantCode: 'DefaultTenant', note: 'DefaultTenant', isDelete: false },
    undefined,
    true
  )
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
  return {
    // The seeded admin as real 1.1.0 and 1.2.0 answer it (`tenantAdminFlag` is not filled for a super admin).
    user: withTimes(
      state,
      {
        id: USER_ID,
        username: state.options.username,
        password: createHash('md5').update(state.options.password).digest('hex'),
        nickname: 'Admin',
        userType: 1,
        worknum: 'Dinky-001',
        avatar: null,
        mobile: '17777777777',
        enabled: true,
        isDelete: false,
        superAdminFlag: true,
        tenantAdminFlag: null
      },
      'superAdminFlag'
    ),
    roleList: [
      withTimes(
        state,
        {
          id: 1,
          tenantId: TENANT_ID,
          roleCode: 'SuperAdmin',
          roleName: 'SuperAdmin',
          isDelete: false,
          note: 'SuperAdmin of Role',
          // `SysRole.tenant` is never filled for the login's roles (recordings of real 1.1.0 and 1.2.0).
          tenant: null
        },
        'tenant'
      )
    ],
    tenantList: [tenant(state)],
    menuList: [],
    currentTenant: current ? tenant(state) : null,
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
          ? ok(state, tenant(state), 'SELECT_TENANT_SUCCESS')
          : failed(state, CODE.ERROR, state.language.message('OPERATE_FAILED'))
    },
    {
      method: 'GET',
      path: '/api/current',
      login: true,
      handle: (ctx) =>
        ctx.tenantId === null
          ? springRejectionReply(
              { kind: 'missing-cookie', name: 'tenantId', type: 'Integer' },
              ctx.at
            )
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
