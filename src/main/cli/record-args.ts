/**
 * Arguments of `dinky-console record` and `dinky-console replay`, parsed strictly (an unknown flag is a
 * `UsageError`, exit 2), like `watch`'s.
 */
import type { TransportChoice } from '../../shared/profiles'
import { hasUrlCredentials, URL_CREDENTIALS_MESSAGE } from '../../shared/server-url'
import { eachFlag, UsageError } from './cli-args'

export interface RecordOptions {
  server: string
  out: string
  username: string
  passwordEnv: string
  tenantId: number | null
  transport: TransportChoice
  seconds: number
  processes: string[]
  /** How many jobs to open (detail, console log, metrics, Flink log) when none are named. */
  jobs: number
  jobDetails: number[]
  metrics: string[]
}

export interface ReplayOptions {
  dir: string
  port: number
  host: string
  speed: number
}

function count(flag: string, text: string, min: number): number {
  const value = Number(text)
  if (!Number.isFinite(value) || value < min)
    throw new UsageError(`${flag} wants a number ≥ ${min}`)
  return value
}

export function parseRecordArgs(args: readonly string[]): RecordOptions {
  const o: RecordOptions = {
    server: '',
    out: '',
    username: 'admin',
    passwordEnv: 'DINKY_PASSWORD',
    tenantId: null,
    transport: 'auto',
    seconds: 60,
    processes: [],
    jobs: 3,
    jobDetails: [],
    metrics: []
  }
  eachFlag('record', args, (flag, value) => {
    if (flag === '--server') o.server = value()
    else if (flag === '--out') o.out = value()
    else if (flag === '--username') o.username = value()
    else if (flag === '--password-env') o.passwordEnv = value()
    else if (flag === '--tenant') o.tenantId = Math.trunc(count(flag, value(), 0))
    else if (flag === '--seconds') o.seconds = count(flag, value(), 1)
    else if (flag === '--process') o.processes.push(value())
    else if (flag === '--jobs') o.jobs = Math.trunc(count(flag, value(), 0))
    else if (flag === '--job-detail') o.jobDetails.push(Math.trunc(count(flag, value(), 0)))
    else if (flag === '--metrics') o.metrics.push(value())
    else if (flag === '--transport') {
      const t = value()
      if (t !== 'auto' && t !== 'sse' && t !== 'ws')
        throw new UsageError('--transport wants auto, sse or ws')
      o.transport = t
    } else return false
    return true
  })
  if (!/^https?:\/\/[^/]+/i.test(o.server)) throw new UsageError('record needs --server URL')
  if (hasUrlCredentials(o.server)) throw new UsageError(`--server: ${URL_CREDENTIALS_MESSAGE}`)
  if (!o.out) throw new UsageError('record needs --out DIR')
  const badProcess = o.processes.find((name) => !/^[A-Za-z]+\/[^\s/]+$/.test(name))
  if (badProcess)
    throw new UsageError(`--process wants a name like FlinkSubmit/12, not ${badProcess}`)
  const badJid = o.metrics.find((jid) => !/^[0-9a-zA-Z_-]{1,64}$/.test(jid))
  if (badJid) throw new UsageError(`--metrics wants a Flink job id, not ${badJid}`)
  return o
}

export function parseReplayArgs(args: readonly string[]): ReplayOptions {
  const o: ReplayOptions = { dir: '', port: 8888, host: '127.0.0.1', speed: 1 }
  const rest = [...args]
  if (rest[0] && !rest[0].startsWith('--')) o.dir = rest.shift()!
  eachFlag('replay', rest, (flag, value) => {
    if (flag === '--port') o.port = Math.trunc(count(flag, value(), 0))
    else if (flag === '--host') o.host = value()
    else if (flag === '--speed') o.speed = count(flag, value(), 0.01)
    else return false
    return true
  })
  if (!o.dir) throw new UsageError('replay needs a recording DIR')
  if (o.port > 65535) throw new UsageError('--port wants a port number')
  return o
}
