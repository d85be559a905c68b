/**
 * Runs the built app with the stand-in `electron`: Chromium (a persistent profile inside userData, as Electron
 * keeps its own there) in this process, the main script in a forked Node process, wired by the rpc link.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { mkdtemp, readlink, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'
import type { E2eApp, LaunchOptions } from './e2e-app'
import { pageAndRecordQueries } from './page-helpers'
import { BUILT_MAIN, CHROMIUM_ARGS, CHROMIUM_PATH, PROJECT_ROOT } from './project-paths'
import type {
  AppNotice,
  AppRecords,
  AppRequest,
  ControlOp,
  ProcessUsage,
  TestRequest
} from './protocol'
import { createRpcLink, type MessageEndpoint, type RpcLink } from './rpc-link'
import { WindowPages, type RendererIpcMeter } from './window-pages'

/** What only the stand-in offers (the benchmarks use it): a meter on what crosses to the renderer. */
export interface StandInLaunchOptions extends LaunchOptions {
  rendererIpcMeter?: RendererIpcMeter
}

/** The stand-in app, plus the app process's CPU and heap (`gc`: after full collections). */
export interface StandInApp extends E2eApp {
  processUsage(gc: boolean): Promise<ProcessUsage>
}

const APP_ENTRY = join(PROJECT_ROOT, 'test/e2e/harness/app-entry.ts')

/** The environment of the app process: the test's, minus what belongs to vitest or to a dev server. */
function appEnvironment(
  options: LaunchOptions,
  userDataDir: string,
  runDir: string
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(VITEST|NODE_OPTIONS$|ELECTRON_RENDERER_URL$|TEST$)/.test(key)) env[key] = value
  }
  return {
    ...env,
    NODE_ENV: 'production',
    ...options.env,
    DINKY_E2E_USER_DATA: userDataDir,
    DINKY_E2E_RUN_DIR: runDir,
    DINKY_E2E_APP_PATH: PROJECT_ROOT,
    DINKY_E2E_LOCALE: options.locale ?? 'en-US',
    DINKY_E2E_DARK: options.darkMode ? '1' : '0',
    DINKY_E2E_SAFE_STORAGE: options.safeStorage ?? 'basic_text'
  }
}

function collectOutput(child: ChildProcess): () => string {
  let text = ''
  const echo = process.env['DINKY_E2E_VERBOSE'] === '1'
  const append = (chunk: Buffer) => {
    text += chunk.toString('utf8')
    if (echo) process.stderr.write(chunk)
  }
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)
  return () => text
}

/**
 * Chromium's profile lives in userData, like Electron's. A second instance started over the same userData (to test
 * the single-instance lock) cannot share a profile that is in use, so it gets a throwaway one.
 */
async function chromiumProfileDir(userDataDir: string): Promise<string> {
  const profile = join(userDataDir, 'E2E Chromium Profile')
  const lock = await readlink(join(profile, 'SingletonLock')).catch(() => null)
  const pid = Number(lock?.split('-').at(-1))
  if (!lock || !Number.isInteger(pid)) return profile
  try {
    process.kill(pid, 0)
    return await mkdtemp(join(tmpdir(), 'dinky-e2e-profile-'))
  } catch {
    return profile
  }
}

/** Launches the app under the stand-in and resolves once its main script ran and 'ready' was emitted. */
export async function launchStandInApp(options: StandInLaunchOptions = {}): Promise<StandInApp> {
  const ownsUserData = options.userDataDir === undefined
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'dinky-e2e-user-')))
  const runDir = await mkdtemp(join(tmpdir(), 'dinky-e2e-run-'))
  const profileDir = await chromiumProfileDir(userDataDir)
  const context: Promise<BrowserContext> = chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: process.env['DINKY_E2E_HEADED'] !== '1',
    args: CHROMIUM_ARGS,
    locale: options.locale ?? 'en-US',
    colorScheme: options.darkMode ? 'dark' : 'light'
  })
  const child = fork(APP_ENTRY, [options.main ?? BUILT_MAIN, ...(options.args ?? [])], {
    cwd: PROJECT_ROOT,
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
    env: appEnvironment(options, userDataDir, runDir),
    stdio: ['ignore', 'pipe', 'pipe', 'ipc']
  })
  const output = collectOutput(child)
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code))
  )

  let markReady: () => void = () => undefined
  const ready = new Promise<void>((resolve) => (markReady = resolve))
  const toApp = (request: TestRequest) => link.request(request)
  const pages = new WindowPages(context, toApp, options.darkMode ?? false, options.rendererIpcMeter)
  const link: RpcLink<never, TestRequest> = createRpcLink<
    never,
    TestRequest,
    AppNotice,
    AppRequest
  >(child as MessageEndpoint, {
    onNotice(notice) {
      if (notice.kind === 'ready') markReady()
      else if (notice.kind === 'window:create') pages.create(notice.spec)
      else if (notice.kind === 'window:send') pages.send(notice.id, notice.channel, notice.args)
      else if (notice.kind === 'window:bounds')
        void pages.setSize(notice.id, notice.width, notice.height)
      else if (notice.kind === 'window:focus') void pages.focus(notice.id).catch(() => undefined)
      else if (notice.kind === 'window:destroy') void pages.destroy(notice.id)
      else if (notice.kind === 'theme') void pages.setDark(notice.dark)
    },
    onRequest(request) {
      if (request.kind === 'window:load') return pages.load(request.id, request.url)
      if (request.kind === 'window:reload') return pages.reload(request.id)
      return pages.clearStorage()
    }
  })
  void exited.then(() => link.close('app process exited'))

  let closing: Promise<void> | null = null
  const close = () =>
    (closing ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        await control({ op: 'quit' }).catch(() => undefined)
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
        await exited
        clearTimeout(timer)
      }
      await context.then((browser) => browser.close()).catch(() => undefined)
      await rm(runDir, { recursive: true, force: true })
      if (ownsUserData) await rm(userDataDir, { recursive: true, force: true })
      if (!profileDir.startsWith(userDataDir))
        await rm(profileDir, { recursive: true, force: true })
    })())
  const control = (op: ControlOp) => link.request({ kind: 'control', op })
  const records = () => control({ op: 'records' }) as Promise<AppRecords>

  const timeoutMs = options.timeoutMs ?? 30_000
  let timer: NodeJS.Timeout | undefined
  const failed = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`The app was not ready after ${timeoutMs} ms`)),
      timeoutMs
    )
    void exited.then((code) => reject(new Error(`The app process exited (${code}) before 'ready'`)))
  })
  try {
    await Promise.race([Promise.all([ready, context]), failed])
  } catch (error) {
    await close()
    throw new Error(`${(error as Error).message}\n--- main process output ---\n${output()}`)
  } finally {
    clearTimeout(timer)
  }
  failed.catch(() => undefined)

  return {
    mode: 'stand-in',
    userDataDir,
    exited,
    firstWindow: () => pages.firstWindow(),
    windows: () => pages.pages(),
    ...pageAndRecordQueries(() => pages.firstWindow(), records),
    clickNotification: async (index) => void (await control({ op: 'notification-click', index })),
    clickNotificationAction: async (index, actionIndex) =>
      void (await control({ op: 'notification-action', index, actionIndex })),
    clickTray: async (event = 'click') => void (await control({ op: 'tray-click', event })),
    clickTrayMenuItem: async (label) => void (await control({ op: 'tray-menu-click', label })),
    clickAppMenuItem: async (label) => void (await control({ op: 'app-menu-click', label })),
    answerDialog: async (method, answer) =>
      void (await control({ op: 'dialog-answer', method, answer })),
    emitPowerMonitor: async (event) => void (await control({ op: 'power-monitor', event })),
    emitAppEvent: async (event, ...args) => void (await control({ op: 'app-event', event, args })),
    setSystemDarkMode: async (dark) => void (await control({ op: 'native-theme', dark })),
    setOnline: async (online) => void (await control({ op: 'online', online })),
    closeWindow: async (page) =>
      void (await control({ op: 'close-window', id: pages.windowIdOf(page) })),
    processUsage: async (gc) => (await control({ op: 'process-usage', gc })) as ProcessUsage,
    output,
    pageErrors: () => [...pages.pageErrors],
    close
  }
}
