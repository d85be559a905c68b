/**
 * Checks on a server URL a person typed. Credentials in the URL (`http://user:pass@host`) are refused everywhere a
 * URL is entered: the console logs in with Dinky's own login, and a URL is shown, logged and cached where a
 * password must never be.
 */

/** True when `url` parses and carries a user name or password before its host. */
export function hasUrlCredentials(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.username !== '' || parsed.password !== ''
  } catch {
    return false
  }
}

/** The message for such a URL; it never repeats the URL, which holds the password. */
export const URL_CREDENTIALS_MESSAGE =
  'the server URL must not contain a user name or password (user:password@host): give the user separately, and ' +
  'the password through its own field or environment variable'
