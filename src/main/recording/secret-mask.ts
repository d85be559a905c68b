/**
 * Masking of a recording: the password, every login token the server handed out, and cookie values never reach
 * a written file. Known secret values are replaced wherever they occur (headers, queries, paths, bodies, frames);
 * values under secret-looking names (`password`, `tokenValue`, a token header or cookie) are replaced even before
 * their value is known. Placeholders are fixed strings, so replay can put a fresh token back in their place.
 */
import { COOKIE_PLACEHOLDER, PASSWORD_PLACEHOLDER, TOKEN_PLACEHOLDER } from './recording-format'

/** JSON keys and query names whose string values are secrets whatever they hold. */
const SECRET_KEY = /password|passwd|^(token|tokenValue|satoken|dinky-token|authorization)$/i
const PASSWORD_KEY = /password|passwd/i
/** Cookies that are not secrets and that the console reads or sends. */
const PLAIN_COOKIES = new Set(['tenantid', 'language', 'locale'])

export class SecretMask {
  private readonly secrets = new Map<string, string>()
  private tokenNames = new Set(['token', 'dinky-token', 'satoken'])
  /** The name the server gave its token at the last login (`token` in 1.0/1.1, `dinky-token` in 1.2). */
  tokenName: string | null = null

  /** A password, a token: from now on masked wherever it occurs. Short values are ignored (they would mask words). */
  add(value: string | null | undefined, placeholder: string): void {
    if (value && value.length >= 4) this.secrets.set(value, placeholder)
  }

  addToken(name: string, value: string, fromLogin = false): void {
    if (fromLogin) this.tokenName = name
    this.tokenNames.add(name.toLowerCase())
    this.add(value, TOKEN_PLACEHOLDER)
    // A token may travel URL-encoded (a query, a path).
    this.add(encodeURIComponent(value), TOKEN_PLACEHOLDER)
  }

  isTokenName(name: string): boolean {
    return this.tokenNames.has(name.toLowerCase())
  }

  /** Every known secret in `text` replaced, longest first (a token containing another). */
  text(text: string): string {
    let out = text
    const known = [...this.secrets.keys()].sort((a, b) => b.length - a.length)
    for (const secret of known) out = out.split(secret).join(this.secrets.get(secret)!)
    return out
  }

  /** A JSON value with secrets masked: by key name, and by value anywhere. */
  json(value: unknown, key = ''): unknown {
    if (typeof value === 'string') {
      if (SECRET_KEY.test(key) && value !== '')
        return PASSWORD_KEY.test(key) ? PASSWORD_PLACEHOLDER : TOKEN_PLACEHOLDER
      return this.text(value)
    }
    if (Array.isArray(value)) return value.map((item) => this.json(item))
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {}
      for (const [name, item] of Object.entries(value)) out[this.text(name)] = this.json(item, name)
      return out
    }
    return value
  }

  /** A `Cookie` request header: names kept, secret values masked. */
  cookieHeader(value: string): string {
    return value
      .split(';')
      .map((pair) => {
        const eq = pair.indexOf('=')
        if (eq < 0) return pair.trim()
        const name = pair.slice(0, eq).trim()
        return `${name}=${this.cookieValue(name, pair.slice(eq + 1).trim())}`
      })
      .join('; ')
  }

  /** A `Set-Cookie` line: the name and attributes kept, the value masked unless plainly not secret. */
  setCookie(line: string): string {
    const [pair, ...attributes] = line.split(';')
    const eq = pair.indexOf('=')
    if (eq < 0) return this.text(line)
    const name = pair.slice(0, eq).trim()
    const value = this.cookieValue(name, pair.slice(eq + 1).trim())
    return [`${name}=${value}`, ...attributes.map((a) => this.text(a))].join(';')
  }

  private cookieValue(name: string, value: string): string {
    if (value === '') return value
    if (this.isTokenName(name)) return TOKEN_PLACEHOLDER
    if (PLAIN_COOKIES.has(name.toLowerCase())) return this.text(value)
    return COOKIE_PLACEHOLDER
  }

  /** A query with secret-named values masked and known secrets replaced. */
  query(params: URLSearchParams): Record<string, string> {
    const out: Record<string, string> = {}
    const keys = [...new Set(params.keys())].sort()
    for (const key of keys) {
      const value = params.getAll(key).join(',')
      out[key] =
        SECRET_KEY.test(key) || this.isTokenName(key) ? TOKEN_PLACEHOLDER : this.text(value)
    }
    return out
  }
}
