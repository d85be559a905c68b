/**
 * Finding the login token in Dinky's login response. The token's name changed from `token` (1.0/1.1) to
 * `dinky-token` (1.2); Sa-Token lists it in `Access-Control-Expose-Headers`, sends it as a header of that name and
 * sets a cookie of that name, so the name is read at run time rather than assumed.
 */

export interface FoundToken {
  name: string
  value: string
}

const KNOWN_NAMES = ['dinky-token', 'token']

function cookieValue(setCookies: readonly string[], name: string): string | null {
  for (const line of setCookies) {
    const [pair] = line.split(';')
    const eq = pair.indexOf('=')
    if (eq > 0 && pair.slice(0, eq).trim().toLowerCase() === name) {
      const value = pair.slice(eq + 1).trim()
      if (value) return value
    }
  }
  return null
}

/** Returns the token name and value from a login response's headers, or null when none is there. */
export function findLoginToken(headers: Headers): FoundToken | null {
  const exposed = (headers.get('access-control-expose-headers') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name && name !== '*' && name.includes('token'))
  const setCookies = headers.getSetCookie()
  for (const name of [...exposed, ...KNOWN_NAMES]) {
    const value = headers.get(name) ?? cookieValue(setCookies, name)
    if (value) return { name, value }
  }
  return null
}
