/**
 * Preloaded (`node --require`) into electron's installer by ensure-electron.mjs. Node's fetch rejects with a bare
 * "fetch failed" and keeps the reason (ECONNREFUSED, ENOTFOUND, a TLS error…) in `cause`, which the installer's
 * `console.error(err.stack)` never shows; this re-throws with the reason and the URL in the message.
 */
'use strict'

const originalFetch = globalThis.fetch
if (typeof originalFetch === 'function') {
  globalThis.fetch = async function fetchWithReason(input, init) {
    try {
      return await originalFetch(input, init)
    } catch (error) {
      const cause = error && error.cause
      if (!cause) throw error
      const url = typeof input === 'string' ? input : String((input && input.url) || input)
      const message = String(cause.message)
      const code = cause.code && !message.includes(cause.code) ? `${cause.code} ` : ''
      throw new TypeError(`fetch failed: ${code}${message} (${url})`, { cause })
    }
  }
}
