/**
 * Sa-Token as Dinky configures it: uuid tokens living `tokenTtlMs`, `is-concurrent:false` (a new login of the same
 * user pushes the previous token offline), the token read from the query parameter, then the header, then the
 * cookie, and the `NotLoginException` reason mapped to Dinky's 401 message.
 */

import { randomUUID } from 'node:crypto'
import type { MessageKey } from './envelope'

export const USER_ID = 1

type TokenState = 'active' | 'replaced' | 'expired'

interface TokenEntry {
  loginId: number
  createdAt: number
  expiresAt: number
  state: TokenState
}

export type TokenCheck =
  | { ok: true; token: string; loginId: number; expiresAt: number }
  | {
      ok: false
      reason: Extract<MessageKey, 'NOT_TOKEN' | 'INVALID_TOKEN' | 'EXPIRED_TOKEN' | 'BE_REPLACED'>
    }

export interface TokenSource {
  query: URLSearchParams
  headers: Record<string, string | string[] | undefined>
  cookies: Record<string, string>
}

export class TokenStore {
  private readonly tokens = new Map<string, TokenEntry>()
  logins = 0

  constructor(
    readonly tokenName: string,
    private readonly ttlMs: number,
    private readonly now: () => number
  ) {}

  /** Logs `loginId` in with a fresh token; earlier active tokens of the same user become BE_REPLACED. */
  login(loginId: number): { token: string; expiresAt: number } {
    for (const entry of this.tokens.values()) {
      if (entry.loginId === loginId && entry.state === 'active') entry.state = 'replaced'
    }
    const token = randomUUID()
    const createdAt = this.now()
    const expiresAt = createdAt + this.ttlMs
    this.tokens.set(token, { loginId, createdAt, expiresAt, state: 'active' })
    this.logins += 1
    return { token, expiresAt }
  }

  /** Sa-Token's `getTokenValueNotCut` order: request parameter, header, cookie; the first non-empty wins. */
  read(source: TokenSource): string | undefined {
    const header = source.headers[this.tokenName]
    const candidates = [
      source.query.get(this.tokenName),
      Array.isArray(header) ? header[0] : header,
      source.cookies[this.tokenName]
    ]
    return candidates.find(
      (value): value is string => typeof value === 'string' && value.length > 0
    )
  }

  check(token: string | undefined): TokenCheck {
    if (!token) return { ok: false, reason: 'NOT_TOKEN' }
    const entry = this.tokens.get(token)
    if (!entry) return { ok: false, reason: 'INVALID_TOKEN' }
    if (entry.state === 'active' && this.now() >= entry.expiresAt) entry.state = 'expired'
    if (entry.state === 'replaced') return { ok: false, reason: 'BE_REPLACED' }
    if (entry.state === 'expired') return { ok: false, reason: 'EXPIRED_TOKEN' }
    return { ok: true, token, loginId: entry.loginId, expiresAt: entry.expiresAt }
  }

  /** `StpUtil.logout(loginId)`: every token of the user is gone (later use: INVALID_TOKEN). */
  logout(loginId: number): void {
    for (const [token, entry] of this.tokens)
      if (entry.loginId === loginId) this.tokens.delete(token)
  }

  /** Fault control: every token times out at once. */
  expireAll(): void {
    for (const entry of this.tokens.values()) if (entry.state === 'active') entry.state = 'expired'
  }

  /** Fault control: a restarted server that kept no token. */
  clear(): void {
    this.tokens.clear()
  }

  activeCount(): number {
    let count = 0
    for (const token of this.tokens.keys()) if (this.check(token).ok) count += 1
    return count
  }
}
