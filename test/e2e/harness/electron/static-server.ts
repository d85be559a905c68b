/**
 * Serves `loadFile` directories over http://127.0.0.1, because Chromium blocks module scripts from file:// pages.
 * The main process keeps seeing file:// URLs (getURL, senderFrame.url, will-navigate), as it would in Electron:
 * URLs are translated both ways here. The port is derived from userData so a restarted app gets the same origin
 * (and so the same localStorage), falling back to any free port.
 */
import { createHash } from 'node:crypto'
import { createReadStream, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { getAppPath } from './app-paths'
import { onProcessExit } from './process-exit'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8'
}

const served = new Map<string, { origin: string; server: Server }>()
onProcessExit(() => {
  for (const { server } of served.values()) server.close()
})

function handle(root: string, url: string, respond: (status: number, path?: string) => void): void {
  const pathname = decodeURIComponent(new URL(url, 'http://x').pathname)
  const path = normalize(join(root, pathname))
  if (path !== root && !path.startsWith(root + sep)) return respond(403)
  try {
    if (statSync(path).isFile()) return respond(200, path)
  } catch {
    // fall through to 404
  }
  respond(404)
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : port)
    })
  })
}

/** Starts (once per directory) a static server for `root` and returns its origin. */
export async function serveDirectory(root: string): Promise<string> {
  const existing = served.get(root)
  if (existing) return existing.origin
  const server = createServer((request, response) => {
    handle(root, request.url ?? '/', (status, path) => {
      if (!path) return void response.writeHead(status).end()
      const type = CONTENT_TYPES[extname(path)] ?? 'application/octet-stream'
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
      createReadStream(path).pipe(response)
    })
  })
  const seed = createHash('sha1')
    .update(`${getAppPath('userData')}|${root}`)
    .digest()
  const preferred = 30_000 + (seed.readUInt16BE(0) % 20_000)
  const port = await listen(server, preferred).catch(() => listen(server, 0))
  const origin = `http://127.0.0.1:${port}`
  served.set(root, { origin, server })
  return origin
}

/** The http URL the page really loads for a file:// URL. */
export async function toServedUrl(fileUrl: string): Promise<string> {
  const url = new URL(fileUrl)
  const path = fileURLToPath(url)
  const root = join(path, '..')
  const origin = await serveDirectory(root)
  return `${origin}/${encodeURIComponent(path.slice(root.length + 1))}${url.search}${url.hash}`
}

/** The URL the main process sees: file:// for pages served from a loadFile directory, unchanged otherwise. */
export function toMainUrl(pageUrl: string): string {
  for (const [root, { origin }] of served) {
    if (pageUrl === origin || pageUrl.startsWith(`${origin}/`)) {
      const url = new URL(pageUrl)
      return (
        pathToFileURL(join(root, decodeURIComponent(url.pathname))).href + url.search + url.hash
      )
    }
  }
  return pageUrl
}
