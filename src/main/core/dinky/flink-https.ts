/**
 * Dinky 1.0.x and 1.1.x reach Flink's REST API through `FlinkAPI`, which always puts `http://` in front of the
 * address (`NetConstant.HTTP + address`; fixed by #3688 in 1.2.0). A cluster whose address starts with
 * `https://` therefore becomes `http://https://host:port/...`: every Flink read through Dinky fails (heartbeat,
 * task managers, Flink logs, metric items, job detail). The console cannot fix Dinky, but it can name the cause
 * instead of a bare "Flink unreachable". Pure.
 */

const RELEASE = /^v?(\d+)\.(\d+)(?:\.|$|-)/

/** True for the releases whose `FlinkAPI` prefixes `http://` (1.0.x, 1.1.x); false when unknown. */
export function dinkyForcesFlinkHttp(dinkyVersion: string | null | undefined): boolean {
  const match = RELEASE.exec(dinkyVersion?.trim() ?? '')
  if (!match) return false
  const [major, minor] = [Number(match[1]), Number(match[2])]
  return major === 1 && minor <= 1
}

/** An address as Dinky keeps it (`hosts` may list several, comma-separated) that names an https endpoint. */
function namesHttps(address: string | null | undefined): boolean {
  if (!address) return false
  return address.split(',').some((part) => /^\s*https:\/\//i.test(part))
}

/**
 * Why both checks: only on a 1.0/1.1 server does an `https://` Flink address break Flink reads, and only an
 * address that says `https://` is known to be one (a bare `host:port` may still be TLS, but nothing says so).
 */
export function flinkHttpsBlocked(
  dinkyVersion: string | null | undefined,
  ...addresses: Array<string | null | undefined>
): boolean {
  return dinkyForcesFlinkHttp(dinkyVersion) && addresses.some(namesHttps)
}

/** The CLI's words for it (the renderer has its own, per language). */
export const FLINK_HTTPS_BLOCKED_TEXT =
  'its Flink address is https://, but Dinky 1.0/1.1 always calls Flink over http:// (fixed in Dinky 1.2.0), ' +
  'so every Flink read through Dinky fails: upgrade Dinky to 1.2.0+ or give Flink a plain-http REST address'
