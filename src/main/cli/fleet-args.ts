/**
 * Parsing of `dinky-console fleet --server URL --server URL … [--cache-dir DIR] [--json]`: the servers and the
 * output, plus `watch`'s connection flags (`takeConnectionFlag`), which apply to every server.
 */
import {
  checkServerUrl,
  defaultConnectionOptions,
  eachFlag,
  takeConnectionFlag,
  UsageError,
  type ConnectionOptions
} from './cli-args'

export interface FleetOptions extends ConnectionOptions {
  /** The `--server` values in the order given; at least one, each a different server. */
  servers: string[]
  cacheDir: string | null
  json: boolean
}

/** More servers than anyone watches from one terminal; each is a session with its own connections. */
export const MAX_FLEET_SERVERS = 50

/** A server's identity, as the profile id `watch` gives it: its origin (or `demo`). */
function serverId(server: string): string {
  return server === 'demo' ? 'demo' : new URL(server).origin
}

export function parseFleet(args: readonly string[]): FleetOptions {
  const options: FleetOptions = {
    ...defaultConnectionOptions(),
    servers: [],
    cacheDir: null,
    json: false
  }
  eachFlag('fleet', args, (flag, value) => {
    if (flag === '--server') options.servers.push(value())
    else if (flag === '--cache-dir') options.cacheDir = value()
    else if (flag === '--json') options.json = true
    else return takeConnectionFlag(options, flag, value)
    return true
  })
  if (options.servers.length === 0)
    throw new UsageError('fleet needs --server URL, once per server')
  if (options.servers.length > MAX_FLEET_SERVERS)
    throw new UsageError(`fleet watches at most ${MAX_FLEET_SERVERS} servers`)
  const seen = new Set<string>()
  for (const server of options.servers) {
    checkServerUrl(server)
    // One session and one cache entry per server: the same origin twice would be two sessions writing one entry.
    const id = serverId(server)
    if (seen.has(id)) throw new UsageError(`--server ${id} is given twice`)
    seen.add(id)
  }
  return options
}
