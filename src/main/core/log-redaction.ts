/**
 * The last guard before a log line is written anywhere (stdout, the log files a user may send): secrets inside text.
 * The line logger already drops values under secret-sounding keys; this catches what arrives inside messages and
 * free-text values — a token in a URL's query, an `Authorization: Bearer …` header, a `"password":"…"` in a quoted
 * body, credentials in a URL — and any exact secret the app registered (the passwords it holds).
 */

const REDACTED = '[redacted]'

/** `name=value`, `name: value`, `"name":"value"` for names that carry secrets (Dinky's token is `satoken`). */
const NAMED_SECRET =
  /(["']?\b[\w-]*(?:token|password|passwd|pwd|secret|cookie|authorization|api[-_]?key)\b["']?\s*[:=]\s*)(?:"(?:[^"\\]|\\.)*"|'[^']*'|(?:Bearer|Basic)\s+[^\s,;&"']+|[^\s,;&"'}]+)/gi
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]{6,}/g
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:)[^@\s/]+@/gi

/** Masks secrets in one line. Pure; safe to run on every line. */
export function redactSecrets(text: string, knownSecrets: Iterable<string> = []): string {
  let out = text
  for (const secret of knownSecrets) {
    // Short values (a 1–3 character password) would mask ordinary text; the patterns still cover them by name.
    if (secret.length >= 4) out = out.split(secret).join(REDACTED)
  }
  return out
    .replace(URL_CREDENTIALS, `$1${REDACTED}@`)
    .replace(NAMED_SECRET, (_match, name: string) => `${name}${REDACTED}`)
    .replace(BEARER, `$1 ${REDACTED}`)
}

/** The secrets this process holds (passwords once read or typed), so their exact text never reaches a log. */
export function createSecretRegistry(limit = 64) {
  const secrets = new Set<string>()
  return {
    add(secret: string | null | undefined): void {
      if (!secret || secrets.has(secret)) return
      if (secrets.size >= limit) secrets.delete(secrets.values().next().value as string)
      secrets.add(secret)
    },
    values: (): Iterable<string> => secrets
  }
}
export type SecretRegistry = ReturnType<typeof createSecretRegistry>
