/**
 * The Dinky REST client: login and tenant, and every read and action the console needs, each body validated and
 * mapped into the console's models. Failures are `DinkyError`s with a classified reason and the endpoint's name.
 */
import { z } from 'zod'
import type { Cluster, Job } from '../../../shared/models'
import type { JobAction, SessionUser } from '../../../shared/session'
import type { FetchLike } from '../ports'
import { createDinkyHttp } from './dinky-http'
import { createRedirectGuardedFetch } from './redirect-guard'
import { DinkyError } from './dinky-error'
import { findLoginToken } from './login-token'
import * as map from './map-models'
import * as schema from './schemas'
import { createServerZone, formatOffset } from './server-zone'
import { createTlsFetch } from './tls-fetch'
import type { DinkyClient, DinkyClientOptions, LoginResult } from './types'
import { probeVersion } from './version-probe'
import { readJobList } from './job-list-read'

/**
 * A 200 answer to `/api/login` that is not Dinky's envelope (no `code`, an HTML page, no token) is not an outage
 * to retry for ever but a wrong address or a wrong server: `malformed-login`, final like a refused password.
 */
function asMalformedLogin(error: unknown): unknown {
  const notDinky =
    error === null ||
    (error instanceof DinkyError &&
      (error.reason === 'malformed-response' || error.reason === 'wrong-content-type'))
  if (!notDinky) return error
  const why = error instanceof DinkyError ? error.detail : 'no token in the login response'
  return new DinkyError({
    endpoint: '/api/login',
    reason: 'malformed-login',
    detail: `the login answer is not Dinky's (${why}): is this the Dinky address?`
  })
}

/** Why one object: the token, tenant and remembered credentials are shared by every call and both streams. */
export function createDinkyClient(options: DinkyClientOptions): DinkyClient {
  const tls = options.extraCaPem && !options.fetch ? createTlsFetch(options.extraCaPem) : null
  // Every request, REST and SSE alike, goes through the redirect guard: credentials never leave the origin.
  const baseFetch = createRedirectGuardedFetch(options.fetch ?? tls?.fetch ?? globalThis.fetch)
  const log = options.logger
  const now = options.now ?? Date.now
  const zone = createServerZone()
  const http = createDinkyHttp({
    baseUrl: options.baseUrl,
    fetch: baseFetch,
    logger: options.logger,
    language: options.language,
    timeoutMs: options.requestTimeoutMs ?? 15_000,
    now,
    onServerTime(serverTime, receivedAt) {
      if (zone.observe(serverTime, receivedAt))
        log.info('server time zone', { offset: formatOffset(zone.offsetMs()) })
    }
  })
  let credentials: { username: string; password: string; tenantId: number | null } | null = null
  let reloginInFlight: Promise<LoginResult> | null = null

  const authorizedFetch: FetchLike = (input, init) => {
    const headers = new Headers(init?.headers)
    http.decorate(headers)
    return baseFetch(input, { ...init, headers })
  }

  const chooseTenant = async (tenantId: number): Promise<SessionUser> => {
    await http.result('/api/chooseTenant', schema.tenantResultSchema, {
      method: 'POST',
      query: { tenantId }
    })
    http.auth.tenantId = tenantId
    return currentUser()
  }

  const currentUser = async (): Promise<SessionUser> => {
    const { data } = await http.result('/api/current', schema.userDtoSchema)
    return map.toSessionUser(data, http.auth.tenantId ?? 0)
  }

  const login = async (username: string, password: string, tenantId: number | null = null) => {
    http.auth.tokenValue = null
    http.auth.tenantId = null
    const { data, headers } = await http
      .result('/api/login', schema.userDtoSchema, {
        method: 'POST',
        body: { username, password, autoLogin: true, ldapLogin: false },
        anonymous: true
      })
      .catch((error: unknown) => {
        throw asMalformedLogin(error)
      })
    const token = findLoginToken(headers)
    if (!token) throw asMalformedLogin(null)
    http.auth.tokenName = token.name
    http.auth.tokenValue = token.value
    credentials = { username, password, tenantId }
    const tenant = tenantId ?? data.tenantList?.[0]?.id ?? 1
    const user = await chooseTenant(tenant)
    log.info('logged in', { user: username, tenant, header: token.name })
    return { user, tokenName: token.name }
  }

  const relogin = (): Promise<LoginResult> => {
    if (!credentials) {
      const error = new DinkyError({
        endpoint: '/api/login',
        reason: 'login-failed',
        detail: 'never logged in'
      })
      return Promise.reject(error)
    }
    // Both streams may lose their token at once; they share one login rather than kicking each other out.
    if (!reloginInFlight) {
      const { username, password, tenantId } = credentials
      reloginInFlight = login(username, password, http.auth.tenantId ?? tenantId).finally(() => {
        reloginInFlight = null
      })
    }
    return reloginInFlight
  }

  const jobs = (): Promise<Job[]> => readJobList(http, zone.offsetMs)

  /** The last version the server told (`version()`); Flink-address checks depend on it. */
  let knownVersion: string | null = null

  const clusters = async (): Promise<Cluster[]> => {
    const byId = new Map<number, Cluster>()
    for (const isAutoCreate of [false, true]) {
      const { data } = await http.result(
        '/api/cluster/list',
        z.array(schema.clusterInstanceSchema),
        {
          query: { searchKeyWord: '', isAutoCreate }
        }
      )
      for (const row of data) byId.set(row.id, map.toCluster(row, knownVersion))
    }
    return [...byId.values()]
  }

  const jobAction = async (action: JobAction): Promise<string> => {
    const unknownData = z.unknown()
    if (action.kind === 'cancel') {
      const query = { id: action.taskId, withSavePoint: action.withSavepoint, forceCancel: false }
      return (await http.result('/api/task/cancel', unknownData, { query })).msg
    }
    if (action.kind === 'restart') {
      const query: Record<string, string | number> = { id: action.taskId }
      if (action.savepointPath) query.savePointPath = action.savepointPath
      return (await http.result('/api/task/restartTask', unknownData, { query })).msg
    }
    const query = { taskId: action.taskId, savePointType: action.savepointType }
    return (await http.result('/api/task/savepoint', unknownData, { query })).msg
  }

  return {
    baseUrl: options.baseUrl,
    extraCaPem: options.extraCaPem ?? null,
    webSocket: options.webSocket,
    authorizedFetch,
    login,
    relogin,
    chooseTenant,
    currentUser,
    jobs,
    clusters,
    jobAction,
    async version() {
      const found = await probeVersion(http)
      if (found !== null) knownVersion = found
      return found
    },
    knownVersion: () => knownVersion,
    async tokenInfo() {
      const { data } = await http.result('/api/tokenInfo', schema.tokenInfoSchema)
      return {
        tokenName: data.tokenName ?? http.auth.tokenName,
        isLogin: data.isLogin ?? false,
        loginId: data.loginId ?? null,
        tokenTimeout: data.tokenTimeout ?? -1
      }
    },
    async logout() {
      try {
        await http.result('/api/outLogin', z.unknown(), { method: 'DELETE' })
      } finally {
        http.auth.tokenValue = null
        http.auth.tenantId = null
        credentials = null
      }
    },
    isLoggedIn: () => http.auth.tokenValue !== null,
    serverUtcOffsetMs: () => zone.offsetMs(),
    streamAuth() {
      const { tokenName, tokenValue, tenantId } = http.auth
      return tokenValue ? { tokenName, tokenValue, tenantId } : null
    },
    async statusCounts() {
      const { data } = await http.result(
        '/api/jobInstance/getStatusCount',
        schema.statusCountSchema
      )
      return map.toStatusCounts(data)
    },
    async jobDetail(id) {
      const { data } = await http.result(
        '/api/jobInstance/getJobInfoDetail',
        schema.jobInfoDetailSchema,
        {
          query: { id }
        }
      )
      return map.toJobDetail(data, zone.offsetMs())
    },
    async taskManagers(address) {
      const list = z.array(schema.taskManagerSchema)
      const { data } = await http.result('/api/jobInstance/getTaskManagerList', list, {
        query: { address }
      })
      return data.map((row) => map.toTaskManager(row, now()))
    },
    async clusterConfigurations() {
      const list = z.array(schema.clusterConfigurationSchema)
      const { data } = await http.result('/api/clusterConfiguration/list', list, {
        query: { keyword: '' }
      })
      return data.map(map.toClusterConfiguration)
    },
    async process(processName) {
      const { data } = await http.result(
        '/api/process/getProcess',
        schema.processEntitySchema.nullable(),
        {
          query: { processName }
        }
      )
      return data ? map.toProcess(data, zone.offsetMs()) : null
    },
    async sysInfo() {
      const { data } = await http.result('/api/system/getSysInfo', schema.sysInfoSchema)
      return {
        jvm: map.toJvm(data.jvm),
        cpu: data.cpu,
        mem: data.mem,
        systemInfo: map.toSystemInfo(data.systemInfo)
      }
    },
    async subscribeTopic(sessionKey, topics) {
      const { data } = await http.result('/api/sse/subscribeTopic', schema.topicSetSchema, {
        method: 'POST',
        body: { sessionKey, topics }
      })
      return data
    },
    call: (endpoint, schema, spec) => http.result(endpoint, schema, spec),
    async dispose() {
      await tls?.close()
    },
    request: async (endpoint, schema, spec) => (await http.result(endpoint, schema, spec)).data,
    requestPage: (endpoint, schema, spec) => http.page(endpoint, schema, spec),
    async requestUnwrapped(endpoint, schema, spec) {
      const { json } = await http.raw(endpoint, spec)
      const parsed = schema.safeParse(json)
      if (parsed.success) return parsed.data
      const issue = parsed.error.issues[0]
      const detail = `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`
      throw new DinkyError({ endpoint, reason: 'malformed-response', detail })
    }
  }
}
