/**
 * Command-line parsing of `dinky-console`: turns argv into a typed command or a `UsageError` (exit 2). Hand-written
 * because `--process` takes several values after one flag, which `util.parseArgs` cannot express.
 */
import type { TransportChoice } from '../../shared/profiles'
import { hasUrlCredentials, URL_CREDENTIALS_MESSAGE } from '../../shared/server-url'

/**
 * How a command reaches a server, the same for `watch` and for every server of `fleet`: one parser
 * (`takeConnectionFlag`), so the two cannot drift.
 */
export interface ConnectionOptions {
  username: string
  /** Name of the environment variable holding the password; never the password itself. */
  passwordEnv: string
  tenantId: number | null
  heartbeatTimeoutMs: number | null
  backoffBaseMs: number | null
  backoffMaxMs: number | null
  transport: TransportChoice
  /** `--read-only` (issue 23): the profile is read-only, so nothing that changes Dinky is sent. */
  readOnly: boolean
}

export interface WatchOptions extends ConnectionOptions {
  server: string
  processes: string[]
  cacheDir: string | null
  json: boolean
  /** Flink job ids whose live metrics to print (`--metrics <jid>`, repeatable). */
  metrics: string[]
  /** A JSON file of alert rules (`--rules FILE`): alerts are evaluated and printed as `alert` lines. */
  rules: string | null
}

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'watch'; options: WatchOptions }
  | { kind: 'job'; args: string[] }
  | { kind: 'record'; args: string[] }
  | { kind: 'replay'; args: string[] }
  | { kind: 'timeline'; args: string[] }
  | { kind: 'fleet'; args: string[] }
  | {
      kind: 'cache'
      action: 'clear' | 'info'
      cacheDir: string | null
      profileId: string | null
      json: boolean
    }

export class UsageError extends Error {
  override readonly name = 'UsageError'
}

export const USAGE = `Usage:
  dinky-console watch --server URL [--username U] [--password-env VAR] [--tenant ID]
                      [--process FlinkSubmit/12 ...] [--heartbeat-timeout SECONDS]
                      [--backoff-base SECONDS] [--backoff-max SECONDS] [--cache-dir DIR]
                      [--json] [--transport auto|sse|ws] [--metrics JID ...] [--rules FILE] [--read-only]
  dinky-console fleet --server URL --server URL ... [--cache-dir DIR] [--json]
                      [watch's --username, --password-env, --tenant, --heartbeat-timeout,
                       --backoff-base, --backoff-max, --transport, --read-only: for every server]
  dinky-console job --server URL --id N [--username U] [--password-env VAR] [--tenant ID] [--json]
                    [--action cancel|stop|restart|savepoint] [--read-only]
  dinky-console record --server URL --out DIR [--username U] [--password-env VAR] [--tenant ID]
                       [--seconds N] [--transport auto|sse|ws] [--process NAME ...] [--jobs N]
                       [--job-detail ID ...] [--metrics JID ...]
  dinky-console replay DIR [--port P] [--host H] [--speed X]
  dinky-console cache info [--cache-dir DIR] [--json]
  dinky-console cache clear [--cache-dir DIR] [--profile ID] [--json]
  dinky-console timeline --server URL [--cache-dir DIR] [--job ID] [--since ISO] [--json]
  dinky-console --help

  --server URL          Dinky's base URL, e.g. http://host:8888 ("demo" runs the built-in simulator)
  --username U          default admin
  --password-env VAR    environment variable holding the password, default DINKY_PASSWORD
  --tenant ID           tenant to choose after login, default the first one
  --process NAME ...    console logs to follow, e.g. FlinkSubmit/12 (repeatable)
  --cache-dir DIR       print the cached state first and keep it up to date
  --id N                a job instance id: its health once (checkpoints, exceptions, vertices, alerts)
  --json                NDJSON, one object per line (watch also prints "health" lines from the sweep)
  --metrics JID ...     print the live Flink metrics of these jobs (backfilled after every reconnect)
  --rules FILE          alert rules (JSON, see the README): prints an "alert" line when one fires, resolves
                        or can no longer be judged (server not live); a bad file exits 2 before connecting
  --action KIND         job: cancel, stop (cancel with a savepoint), restart or savepoint the job's task
  --read-only           a server only watched: every action is refused (exit 5) before any request
fleet watches every --server at once (one session each) and prints a line per change: each server's state,
freshness (asOf, stale), version, job counts by status and failing jobs, worst first; --json prints
{"type":"fleet","servers":[…]} lines; with --cache-dir the cached figures come first, marked stale.
record runs the console's session for --seconds (default 60) and writes what the server sent to DIR
(recording.ndjson + manifest.json; passwords, tokens and cookies masked): attach it to a bug report.
  --jobs N              jobs it opens (health, console and Flink logs, metrics) unless --job-detail names them
timeline prints the server's cached timeline without connecting, oldest first: status changes, restarts,
checkpoint failures, savepoints, alerts, the console's actions and the gaps when nothing was seen (console
closed, offline, server unreachable). --job keeps one job instance's events (and the gaps), --since those from
an ISO date or time on (2026-12-24, 2026-12-24T08:00:00Z); --json prints {"type":"event","at":…,"kind":…} lines.
replay serves a recording on 127.0.0.1:P (default 8888) as the server did: any login, recorded answers in
order, SSE events and WS frames with their recorded spacing (--speed 10 plays them ten times faster).
Exit codes: 0 after SIGINT/SIGTERM, 2 bad arguments, 3 the first login failed, 4 the server could not answer
(job), 5 an action refused by --read-only.`

function seconds(flag: string, value: string): number {
  const parsed = Number(value)
  if (!Number.isFinite(parsed) || parsed <= 0)
    throw new UsageError(`${flag} wants a positive number of seconds`)
  return Math.round(parsed * 1000)
}

/** Splits `--flag=value` and yields [flag, inline value or null]. */
function splitFlag(arg: string): [string, string | null] {
  const eq = arg.indexOf('=')
  return eq > 2 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, null]
}

/**
 * Walks `--flag value` / `--flag=value` pairs for a command's strict parser: `take` handles one flag (reading its
 * value only when it has one) and returns false for a flag it does not know, which is a `UsageError` naming it.
 */
export function eachFlag(
  command: string,
  args: readonly string[],
  take: (flag: string, value: () => string) => boolean
): void {
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = splitFlag(args[i])
    const value = () => {
      const next = inline ?? args[++i]
      if (next === undefined) throw new UsageError(`${flag} wants a value`)
      return next
    }
    if (!take(flag, value)) throw new UsageError(`unknown option for ${command}: ${flag}`)
  }
}

/** Why a throwing parser: every path to a bad argument ends in the same usage message and exit code 2. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  if (argv.length === 0) throw new UsageError('a command is required')
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return { kind: 'help' }
  const [command, ...rest] = argv
  if (command === 'cache') return parseCache(rest)
  if (command === 'watch') return { kind: 'watch', options: parseWatch(rest) }
  if (command === 'job') return { kind: 'job', args: rest }
  if (command === 'record' || command === 'replay' || command === 'timeline' || command === 'fleet')
    return { kind: command, args: rest }
  throw new UsageError(`unknown command: ${command}`)
}

function parseCache(args: string[]): CliCommand {
  const [action, ...rest] = args
  if (action !== 'clear' && action !== 'info') throw new UsageError('cache wants clear or info')
  let cacheDir: string | null = null
  let profileId: string | null = null
  let json = false
  for (let i = 0; i < rest.length; i++) {
    const [flag, inline] = splitFlag(rest[i])
    if (flag === '--json') {
      json = true
    } else if (flag === '--cache-dir') {
      cacheDir = inline ?? rest[++i] ?? null
      if (!cacheDir) throw new UsageError('--cache-dir wants a directory')
    } else if (flag === '--profile' && action === 'clear') {
      profileId = inline ?? rest[++i] ?? null
      if (!profileId) throw new UsageError('--profile wants a profile id')
    } else {
      throw new UsageError(`unknown option for cache ${action}: ${flag}`)
    }
  }
  return { kind: 'cache', action, cacheDir, profileId, json }
}

/** The defaults of the connection flags: Dinky's seed account, the password in `DINKY_PASSWORD`. */
export function defaultConnectionOptions(): ConnectionOptions {
  return {
    username: 'admin',
    passwordEnv: 'DINKY_PASSWORD',
    tenantId: null,
    heartbeatTimeoutMs: null,
    backoffBaseMs: null,
    backoffMaxMs: null,
    transport: 'auto',
    readOnly: false
  }
}

/** Takes one connection flag into `options`; false when `flag` is not one (the caller's own flags, or a typo). */
export function takeConnectionFlag(
  options: ConnectionOptions,
  flag: string,
  value: () => string
): boolean {
  switch (flag) {
    case '--username':
      options.username = value()
      return true
    case '--password-env':
      options.passwordEnv = value()
      return true
    case '--tenant': {
      const id = Number(value())
      if (!Number.isInteger(id) || id < 0) throw new UsageError('--tenant wants a tenant id')
      options.tenantId = id
      return true
    }
    case '--heartbeat-timeout':
      options.heartbeatTimeoutMs = seconds(flag, value())
      return true
    case '--backoff-base':
      options.backoffBaseMs = seconds(flag, value())
      return true
    case '--backoff-max':
      options.backoffMaxMs = seconds(flag, value())
      return true
    case '--transport': {
      const transport = value()
      if (transport !== 'auto' && transport !== 'sse' && transport !== 'ws') {
        throw new UsageError('--transport wants auto, sse or ws')
      }
      options.transport = transport
      return true
    }
    case '--read-only':
      options.readOnly = true
      return true
    default:
      return false
  }
}

/** A `--server` value: `demo`, or an http(s) URL without credentials in it. */
export function checkServerUrl(server: string): void {
  if (server !== 'demo' && !/^https?:\/\/[^/]+/i.test(server)) {
    throw new UsageError('--server wants an http:// or https:// URL')
  }
  if (hasUrlCredentials(server)) throw new UsageError(`--server: ${URL_CREDENTIALS_MESSAGE}`)
}

function parseWatch(args: string[]): WatchOptions {
  const options: WatchOptions = {
    ...defaultConnectionOptions(),
    server: '',
    processes: [],
    cacheDir: null,
    json: false,
    metrics: [],
    rules: null
  }
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = splitFlag(args[i])
    const value = (): string => {
      const next = inline ?? args[++i]
      if (next === undefined || (inline === null && next.startsWith('--'))) {
        throw new UsageError(`${flag} wants a value`)
      }
      return next
    }
    switch (flag) {
      case '--server':
        options.server = value()
        break
      case '--process':
        options.processes.push(value())
        while (inline === null && i + 1 < args.length && !args[i + 1].startsWith('--')) {
          options.processes.push(args[++i])
        }
        break
      case '--cache-dir':
        options.cacheDir = value()
        break
      case '--json':
        options.json = true
        break
      case '--rules':
        options.rules = value()
        break
      case '--metrics':
        options.metrics.push(value())
        while (inline === null && i + 1 < args.length && !args[i + 1].startsWith('--')) {
          options.metrics.push(args[++i])
        }
        break
      default:
        if (!takeConnectionFlag(options, flag, value))
          throw new UsageError(`unknown option: ${flag}`)
    }
  }
  if (!options.server) throw new UsageError('watch needs --server URL')
  checkServerUrl(options.server)
  const badJid = options.metrics.find((jid) => !/^[0-9a-zA-Z_-]{1,64}$/.test(jid))
  if (badJid) throw new UsageError(`--metrics wants a Flink job id, not ${badJid}`)
  const invalid = options.processes.find((name) => !/^[A-Za-z]+\/[^\s/]+$/.test(name))
  if (invalid) throw new UsageError(`--process wants a name like FlinkSubmit/12, not ${invalid}`)
  return options
}
