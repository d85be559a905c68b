/**
 * Builds the renderer's preview (test/renderer/preview: the real renderer over a demo `window.api`) with vite,
 * serves it on http://127.0.0.1 and screenshots every view in en-US and zh-CN, light and dark, plus the states
 * and dialogs worth looking at, into test-output/preview/. Run: `npx tsx test/preview/capture-screenshots.ts`
 * (add `--only jobs` to shoot the shots whose name contains "jobs").
 */
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { extname, join } from 'node:path'
import react from '@vitejs/plugin-react'
import { chromium, type Page } from 'playwright-core'
import { build } from 'vite'
import { CHROMIUM_ARGS, PROJECT_ROOT } from '../e2e/harness/project-paths'

const OUT = join(PROJECT_ROOT, 'test-output/preview')
const BUILD = join(OUT, 'build')
const VIEWS = ['overview', 'jobs', 'logs', 'clusters', 'diagnostics', 'settings']
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2'
}

interface Shot {
  name: string
  query: string
  /** What to do on the page before the screenshot. */
  act?: (page: Page) => Promise<void>
}

function shots(): Shot[] {
  const list: Shot[] = []
  for (const lang of ['en-US', 'zh-CN']) {
    for (const theme of ['light', 'dark']) {
      for (const view of VIEWS) {
        list.push({
          name: `${view}-${lang}-${theme}`,
          query: `lang=${lang}&theme=${theme}&view=${view}`
        })
      }
    }
    const base = `lang=${lang}&theme=light`
    list.push(
      { name: `job-drawer-${lang}`, query: `${base}&view=jobs&job=102` },
      {
        name: `job-console-${lang}`,
        query: `${base}&view=jobs&job=100`,
        act: async (page) => page.getByRole('tab').nth(1).click()
      },
      {
        name: `avatar-menu-${lang}`,
        query: `${base}&view=overview`,
        act: async (page) => page.getByTestId('avatar-menu').click()
      },
      {
        name: `clear-cache-${lang}`,
        query: `${base}&view=overview`,
        act: async (page) => {
          await page.getByTestId('avatar-menu').click()
          await page.getByTestId('menu-clear-cache').click()
          await page.getByTestId('cache-total').waitFor()
        }
      },
      { name: `state-reconnecting-${lang}`, query: `${base}&view=jobs&state=reconnecting` },
      { name: `state-offline-${lang}`, query: `${base}&view=overview&state=offline` },
      { name: `state-auth-expired-${lang}`, query: `${base}&view=jobs&state=auth-expired` },
      {
        name: `login-${lang}`,
        query: `${base}&view=jobs&state=auth-expired`,
        act: async (page) => page.getByTestId('log-in-again').click()
      },
      {
        name: `logs-search-${lang}`,
        query: `${base}&view=logs`,
        act: async (page) => {
          await page.getByTestId('log-search').fill('checkpoint \\d+ expired')
          await page.getByTestId('log-next').click()
        }
      },
      {
        name: `logs-bad-regex-${lang}`,
        query: `${base}&view=logs`,
        act: async (page) => page.getByTestId('log-search').fill('([a-z')
      },
      {
        name: `diagnostics-proxy-${lang}`,
        query: `${base}&view=diagnostics`,
        act: async (page) => {
          await page.getByTestId('server-switcher').click()
          await page.getByText('Staging', { exact: true }).last().click()
        }
      }
    )
  }
  return list
}

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    let file = join(dir, path === '/' ? 'index.html' : path)
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      file = join(dir, 'index.html')
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(res)
  })
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      done({ server, url: `http://127.0.0.1:${port}` })
    })
  )
}

async function main() {
  const only = process.argv.includes('--only')
    ? process.argv[process.argv.indexOf('--only') + 1]
    : ''
  mkdirSync(OUT, { recursive: true })
  await build({
    root: join(PROJECT_ROOT, 'test/renderer/preview'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: BUILD, emptyOutDir: true, chunkSizeWarningLimit: 4096 }
  })
  const { server, url } = await serve(BUILD)
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS
  })
  const errors: string[] = []
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        errors.push(`${message.type()}: ${message.text()}`)
      }
    })
    for (const shot of shots().filter((s) => s.name.includes(only))) {
      try {
        await page.goto(`${url}/?static=1&${shot.query}`)
        await page.getByTestId('connection-badge').waitFor({ timeout: 10_000 })
        await page.waitForTimeout(400)
        await shot.act?.(page)
        await page.waitForTimeout(500)
        await page.screenshot({ path: join(OUT, `${shot.name}.png`) })
        console.log(`shot ${shot.name}`)
      } catch (error) {
        errors.push(`${shot.name} failed: ${error instanceof Error ? error.message : error}`)
      }
    }
  } finally {
    await browser.close()
    server.close()
  }
  if (errors.length > 0)
    console.log(`page errors and warnings:\n${[...new Set(errors)].join('\n')}`)
}

await main()
