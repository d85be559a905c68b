/**
 * Debian's real nginx as a child process in front of the simulator, for integration tests, e2e scenarios and the
 * soak benchmark: a generated config in a temp directory (its own pid, error log and temp paths; `daemon off`, no
 * system service), listening on a loopback port, with `reload` (SIGHUP: the master re-reads the config file, as
 * `nginx -s reload` does) and `stop`. The configs are the proxies users put in front of Dinky.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { waitUntil } from './wait-until'

export const NGINX_BINARY = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx'

/**
 * What the proxy is configured as:
 * - `default`: `proxy_pass` only (nginx's defaults: buffering on, HTTP/1.0 upstream), the buffering proxy.
 * - `good`: what the README recommends (buffering off, HTTP/1.1, long read timeout, WebSocket upgrade headers).
 * - `idle-timeout`: `good` but with a read timeout shorter than the heartbeat (`idleTimeoutMs`).
 * - `no-upgrade`: `good` without the `Upgrade`/`Connection` headers, so a WebSocket handshake never reaches Dinky.
 */
export type ProxyProfile = 'default' | 'good' | 'idle-timeout' | 'no-upgrade'

export interface ProxyConfig {
  profile: ProxyProfile
  /** The upstream (the simulator's) port on 127.0.0.1. */
  upstreamPort: number
  /** `proxy_read_timeout` of the `idle-timeout` profile; default 5 s. */
  idleTimeoutMs?: number
  /** Locations before `location /`, e.g. `location /openapi/ { return 403; }` (a proxy that closes a path). */
  extraLocations?: string
}

/** The `location /` body of each profile. */
function locationOf(config: ProxyConfig): string {
  const pass = `proxy_pass http://127.0.0.1:${config.upstreamPort};`
  if (config.profile === 'default') return pass
  const lines = [
    pass,
    'proxy_http_version 1.1;',
    'proxy_buffering off;',
    'proxy_cache off;',
    `proxy_read_timeout ${config.profile === 'idle-timeout' ? `${config.idleTimeoutMs ?? 5_000}ms` : '120s'};`
  ]
  if (config.profile === 'no-upgrade') lines.push('proxy_set_header Connection "";')
  else
    lines.push(
      'proxy_set_header Upgrade $http_upgrade;',
      'proxy_set_header Connection $connection_upgrade;'
    )
  return lines.join('\n      ')
}

/** A whole nginx.conf confined to `dir`. */
export function renderNginxConfig(dir: string, port: number, config: ProxyConfig): string {
  return `daemon off;
master_process on;
worker_processes 1;
${process.getuid?.() === 0 ? 'user root;' : ''}
pid ${dir}/nginx.pid;
error_log ${dir}/error.log info;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  server {
    listen 127.0.0.1:${port};
    ${config.extraLocations ?? ''}
    location / {
      ${locationOf(config)}
    }
  }
}
`
}

/** A free loopback port (nginx cannot listen on port 0 and tell us which it got). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

export interface NginxProxy {
  /** `http://127.0.0.1:port` */
  url: string
  port: number
  dir: string
  config(): ProxyConfig
  /** Writes a new config and sends SIGHUP; resolves once nginx logged the reconfiguration. */
  reload(config: ProxyConfig): Promise<void>
  /** The error log so far (for failure messages). */
  errorLog(): Promise<string>
  /** Stops nginx (SIGQUIT then SIGKILL) and removes its directory; idempotent. */
  stop(): Promise<void>
}

/** nginx polls every 20 ms; the deadline is `wait-until`'s, which only ends a stuck start or reload. */
const NGINX_POLL = { intervalMs: 20 }

/** True when the proxy port accepts a connection. */
function accepting(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/__nginx_probe`, { signal: AbortSignal.timeout(500) }).then(
    () => true,
    () => false
  )
}

/** Starts nginx with `config`; why a child process: the tests must meet nginx's real buffering and timeouts. */
export async function startNginx(config: ProxyConfig): Promise<NginxProxy> {
  const dir = await mkdtemp(join(tmpdir(), 'dinky-nginx-'))
  const port = await freePort()
  const confPath = join(dir, 'nginx.conf')
  let current = config
  await writeFile(confPath, renderNginxConfig(dir, port, config))
  const child: ChildProcess = spawn(
    NGINX_BINARY,
    ['-p', dir, '-c', confPath, '-e', join(dir, 'error.log')],
    {
      stdio: ['ignore', 'ignore', 'pipe']
    }
  )
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let running = true
  void exited.then(() => (running = false))
  const errorLog = () => readFile(join(dir, 'error.log'), 'utf8').catch(() => stderr)
  try {
    await waitUntil(
      'nginx to accept on its port',
      async () => {
        if (!running) throw new Error(`nginx exited: ${stderr || (await errorLog())}`)
        return accepting(port)
      },
      { ...NGINX_POLL, state: errorLog }
    )
  } catch (error) {
    child.kill('SIGKILL')
    await rm(dir, { recursive: true, force: true })
    throw error
  }
  let stopping: Promise<void> | null = null
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dir,
    config: () => current,
    errorLog,
    async reload(next) {
      const before = (await errorLog()).split('reconfiguring').length
      current = next
      await writeFile(confPath, renderNginxConfig(dir, port, next))
      child.kill('SIGHUP')
      await waitUntil(
        'nginx to log the reload',
        async () => (await errorLog()).split('reconfiguring').length > before,
        { ...NGINX_POLL, state: errorLog }
      )
      // The new worker starts right after the master logs the reconfiguration.
      await waitUntil("nginx's new worker to accept", () => accepting(port), {
        ...NGINX_POLL,
        state: errorLog
      })
    },
    stop() {
      stopping ??= (async () => {
        if (running) {
          child.kill('SIGQUIT')
          const killer = setTimeout(() => child.kill('SIGKILL'), 2_000)
          await exited
          clearTimeout(killer)
        }
        await rm(dir, { recursive: true, force: true })
      })()
      return stopping
    }
  }
}
