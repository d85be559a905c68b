/**
 * What a handler needs to know about a request: path, query, cookies, headers, the JSON body read on demand, and
 * the login it carries (when the route requires one). A malformed body throws `BadRequestBody`, which the
 * pipeline answers the way Spring does (400).
 */

import type { IncomingMessage, ServerResponse } from 'node:http'

export class BadRequestBody extends Error {}

export interface Login {
  token: string
  loginId: number
  expiresAt: number
}

export interface RequestContext {
  req: IncomingMessage
  res: ServerResponse
  method: string
  path: string
  query: URLSearchParams
  cookies: Record<string, string>
  at: number
  /** Set by the pipeline for routes that need a login. */
  login: Login | null
  /** The `tenantId` cookie as a number, or null without one. */
  tenantId: number | null
  /** The body parsed as JSON; throws `BadRequestBody` on malformed JSON. */
  json(): Promise<unknown>
}

/** Cookie header to a map; later duplicates lose, as in servlet containers' first-match lookup. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {}
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=')
    if (index <= 0) continue
    const name = part.slice(0, index).trim()
    if (!(name in cookies)) cookies[name] = decodeURIComponent(part.slice(index + 1).trim())
  }
  return cookies
}

/** Reads the whole body once; why lazy: GET handlers and streams never touch it. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

export function createContext(
  req: IncomingMessage,
  res: ServerResponse,
  at: number
): RequestContext {
  const url = new URL(req.url ?? '/', 'http://simulator.invalid')
  const cookies = parseCookies(req.headers.cookie)
  const tenant = cookies.tenantId === undefined ? null : Number.parseInt(cookies.tenantId, 10)
  let body: Promise<string> | null = null
  return {
    req,
    res,
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    cookies,
    at,
    login: null,
    tenantId: tenant === null || Number.isNaN(tenant) ? null : tenant,
    json: async () => {
      body ??= readBody(req)
      const text = await body
      if (text.trim() === '') throw new BadRequestBody('Required request body is missing')
      try {
        return JSON.parse(text) as unknown
      } catch {
        throw new BadRequestBody('JSON parse error')
      }
    }
  }
}
