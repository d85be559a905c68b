/**
 * Runs the same scenarios against a real Electron binary (CI runners, a developer's machine) through Playwright's
 * `_electron`. The binary runs a small wrapper app (written into a temp dir) that installs the recorders and then
 * imports the built main, so nothing the app does at start-up escapes them. See test/e2e/README.md for what differs.
 */
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { _electron, type ElectronApplication, type Page } from 'playwright-core'
import type * as Electron from 'electron'
import type { E2eApp, LaunchOptions } from './e2e-app'
import { pageAndRecordQueries } from './page-helpers'
import { BUILT_MAIN, PROJECT_ROOT } from './project-paths'
import type { AppRecords, RecordedMenuItem } from './protocol'
import { installRecorders, type RealElectronRecords } from './real-electron-recorders'

type Recorded = typeof globalThis & { __dinkyE2e: RealElectronRecords }

async function readRecords(electronApp: ElectronApplication): Promise<AppRecords> {
  return electronApp.evaluate(({ Menu }) => {
    const r = (globalThis as Recorded).__dinkyE2e
    const describe = (menu: Electron.Menu | null): RecordedMenuItem[] | null =>
      menu?.items.map((item) => ({
        label: item.label,
        id: item.id,
        type: item.type,
        enabled: item.enabled,
        checked: item.checked,
        ...(item.submenu ? { submenu: describe(item.submenu) ?? [] } : {})
      })) ?? null
    const tray = r.tray && {
      ...r.tray,
      instance: undefined,
      menu: describe(r.tray.menu),
      destroyed: false
    }
    return {
      notifications: r.notifications,
      tray: tray
        ? {
            image: tray.image,
            tooltip: tray.tooltip,
            title: tray.title,
            menu: tray.menu,
            destroyed: false
          }
        : null,
      externalUrls: r.externalUrls,
      dialogs: r.dialogs as AppRecords['dialogs'],
      shellCalls: r.shellCalls,
      applicationMenu: describe(Menu.getApplicationMenu()),
      menuPopups: [],
      clearedStorage: [],
      mainErrors: r.mainErrors
    }
  })
}

/** The Electron binary the tests would run: DINKY_E2E_ELECTRON_PATH, else the one electron's installer put in place. */
function electronBinary(): string | null {
  const chosen = process.env['DINKY_E2E_ELECTRON_PATH']
  if (chosen) return chosen
  const pathFile = join(PROJECT_ROOT, 'node_modules/electron/path.txt')
  if (!existsSync(pathFile)) return null
  return join(PROJECT_ROOT, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim())
}

/** Null when the binary is there; otherwise the one line the e2e global setup stops with. */
export function missingElectronMessage(): string | null {
  const binary = electronBinary()
  if (binary && existsSync(binary)) return null
  return `DINKY_E2E_REAL_ELECTRON=1 needs the Electron binary and it is not there (${binary ?? 'node_modules/electron/path.txt is missing'}): run \`npx install-electron\` (or \`node scripts/ensure-electron.mjs\`), or set DINKY_E2E_ELECTRON_PATH.`
}

/**
 * The app Electron starts: a package.json named like ours (so app.getName/getVersion are the console's) and a main
 * that installs the recorders, then imports the built main. Returns the wrapper's directory.
 */
async function writeWrapperApp(runDir: string, main: string): Promise<string> {
  const ours = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    name: string
    productName: string
    version: string
  }
  const manifest = {
    name: ours.name,
    productName: ours.productName,
    version: ours.version,
    type: 'module',
    main: 'wrapper-main.js'
  }
  await writeFile(join(runDir, 'package.json'), JSON.stringify(manifest))
  await writeFile(
    join(runDir, 'wrapper-main.js'),
    [
      "import electron from 'electron'",
      `const installRecorders = ${installRecorders.toString()}`,
      'installRecorders(electron)',
      `await import(${JSON.stringify(pathToFileURL(main).href)})`
    ].join('\n')
  )
  return runDir
}

/** Launches real Electron; DINKY_E2E_ELECTRON_PATH overrides the binary Playwright would find in node_modules. */
export async function launchRealElectronApp(options: LaunchOptions = {}): Promise<E2eApp> {
  const ownsUserData = options.userDataDir === undefined
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'dinky-e2e-user-')))
  const runDir = await mkdtemp(join(tmpdir(), 'dinky-e2e-electron-'))
  const env = { ...process.env, NODE_ENV: 'production', ...options.env } as Record<string, string>
  delete env['ELECTRON_OVERRIDE_DIST_PATH']
  delete env['ELECTRON_RENDERER_URL']
  const appDir = await writeWrapperApp(runDir, options.main ?? BUILT_MAIN)
  const electronApp = await _electron.launch({
    executablePath: electronBinary() ?? undefined,
    args: [appDir, `--user-data-dir=${userDataDir}`, ...(options.args ?? [])],
    cwd: PROJECT_ROOT,
    env,
    locale: options.locale ?? 'en-US',
    colorScheme: options.darkMode ? 'dark' : 'light',
    timeout: options.timeoutMs ?? 30_000
  })
  let output = ''
  electronApp.process().stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  electronApp.process().stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  const pageErrors: string[] = []
  const watch = (page: Page) => page.on('pageerror', (error) => pageErrors.push(error.message))
  electronApp.windows().forEach(watch)
  electronApp.on('window', watch)
  const exited = new Promise<number | null>((resolve) =>
    electronApp.process().once('exit', resolve)
  )

  const firstWindow = async () => {
    const page = await electronApp.firstWindow()
    await page.waitForURL((url) => url.protocol !== 'about:')
    return page
  }
  const inMain = <A>(fn: (electron: typeof Electron, arg: A) => unknown, arg: A) =>
    electronApp
      .evaluate(fn as Parameters<ElectronApplication['evaluate']>[0], arg)
      .then(() => undefined)
  const records = () => readRecords(electronApp)

  let closing: Promise<void> | null = null
  return {
    mode: 'electron',
    userDataDir,
    exited,
    firstWindow,
    windows: async () => electronApp.windows(),
    ...pageAndRecordQueries(firstWindow, records),
    clickNotification: (index) =>
      inMain((_, i) => (globalThis as Recorded).__dinkyE2e.shown.at(i)?.emit('click'), index),
    clickNotificationAction: (index, actionIndex) =>
      inMain(
        (_, [i, a]) =>
          (globalThis as Recorded).__dinkyE2e.shown.at(i)?.emit('action', { actionIndex: a }, a),
        [index, actionIndex] as const
      ),
    clickTray: (event = 'click') =>
      inMain((_, e) => (globalThis as Recorded).__dinkyE2e.tray?.instance.emit(e), event),
    clickTrayMenuItem: (label) =>
      inMain(({ BrowserWindow }, l) => {
        const menu = (globalThis as Recorded).__dinkyE2e.tray?.menu
        const item = menu?.getMenuItemById(l) ?? menu?.items.find((i) => i.label === l)
        if (!item) throw new Error(`No tray menu item '${l}'`)
        item.click(undefined, BrowserWindow.getFocusedWindow() ?? undefined, undefined)
      }, label),
    clickAppMenuItem: (label) =>
      inMain(({ Menu, BrowserWindow }, l) => {
        const menu = Menu.getApplicationMenu()
        const item = menu?.getMenuItemById(l) ?? menu?.items.find((i) => i.label === l)
        if (!item) throw new Error(`No application menu item '${l}'`)
        item.click(undefined, BrowserWindow.getFocusedWindow() ?? undefined, undefined)
      }, label),
    answerDialog: (method, answer) =>
      inMain(
        (_, [m, a]) => {
          const answers = (globalThis as Recorded).__dinkyE2e.answers
          ;(answers[m] ??= []).push(a)
        },
        [method, answer] as const
      ),
    emitPowerMonitor: (event) => inMain(({ powerMonitor }, e) => powerMonitor.emit(e), event),
    emitAppEvent: (event, ...args) =>
      inMain(({ app }, [e, a]) => app.emit(e, {}, ...a), [event, args] as const),
    setSystemDarkMode: (dark) =>
      inMain(({ nativeTheme }, d) => void (nativeTheme.themeSource = d ? 'dark' : 'light'), dark),
    setOnline: (online) =>
      inMain((_, o) => void ((globalThis as Recorded).__dinkyE2e.online = o), online),
    closeWindow: async (page) => {
      const window = await electronApp.browserWindow(page)
      await window.evaluate((w) => w.close())
    },
    output: () => output,
    pageErrors: () => [...pageErrors],
    close: () =>
      (closing ??= (async () => {
        await electronApp.close().catch(() => undefined)
        await rm(runDir, { recursive: true, force: true })
        if (ownsUserData) await rm(userDataDir, { recursive: true, force: true })
      })())
  }
}
