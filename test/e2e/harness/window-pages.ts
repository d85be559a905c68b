/**
 * The test process's side of the stand-in's windows: each BrowserWindow is a Chromium page. This wires a page to
 * the app process: the init script (page runtime + preload), a binding for renderer → main, `evaluate` for
 * main → renderer, page events, and renderer-initiated navigations sent through main's will-navigate.
 */
import type { BrowserContext, Page, Request, Route } from 'playwright-core'
import { decodeMapsAndSets, encodeMapsAndSets } from './map-set-codec'
import { buildInitScript, PAGE_BINDING, PAGE_DELIVER } from './page-init-script'
import type { InvokeOutcome, TestRequest, WindowSpec } from './protocol'

interface WindowEntry {
  spec: WindowSpec
  page: Promise<Page>
  /** Navigations main asked for (loadURL, reload): they do not go through will-navigate. */
  expected: Set<string>
  sends: Promise<void>
  closedByApp: boolean
  navigated: Promise<void>
}

/** The page's storage APIs, typed here because this file is compiled without the DOM library. */
interface PageStorage {
  localStorage: { clear(): void }
  sessionStorage: { clear(): void }
  indexedDB: {
    databases(): Promise<Array<{ name?: string }>>
    deleteDatabase(name: string): unknown
  }
}

/**
 * Sees every message main sends a page (`push`: webContents.send) and every answer to a page's invoke (`answer`),
 * as it crosses to the renderer; the `scale` benchmark counts their bytes with it.
 */
export type RendererIpcMeter = (kind: 'push' | 'answer', channel: string, payload: unknown) => void

type PageMessage =
  | { type: 'invoke'; channel: string; args: unknown[] }
  | { type: 'send'; channel: string; args: unknown[] }
  | { type: 'window-open'; url: string; frameName: string; features: string }

export class WindowPages {
  private readonly windows = new Map<number, WindowEntry>()
  private readonly created: Array<(entry: WindowEntry) => void> = []
  /** The blank page a persistent context starts with, used for the first window. */
  private spareTaken = false
  readonly pageErrors: string[] = []

  /** Chromium may still be starting: windows wait for it, so the app and the browser start in parallel. */
  constructor(
    private readonly context: Promise<BrowserContext>,
    private readonly toApp: (request: TestRequest) => Promise<unknown>,
    private dark: boolean,
    private readonly meter?: RendererIpcMeter
  ) {}

  create(spec: WindowSpec): void {
    let markNavigated = () => undefined as void
    const navigated = new Promise<void>((resolve) => (markNavigated = resolve))
    const entry: WindowEntry = {
      spec,
      page: Promise.resolve(null as unknown as Page),
      expected: new Set(),
      sends: Promise.resolve(),
      closedByApp: false,
      navigated
    }
    entry.page = this.openPage(entry, markNavigated)
    this.windows.set(spec.id, entry)
    for (const listener of this.created.splice(0)) listener(entry)
  }

  async load(id: number, url: string): Promise<void> {
    const entry = this.entry(id)
    const page = await entry.page
    entry.expected.add(new URL(url).href)
    await page.goto(url, { waitUntil: 'load' })
  }

  async reload(id: number): Promise<void> {
    const entry = this.entry(id)
    const page = await entry.page
    entry.expected.add(page.url())
    await page.reload({ waitUntil: 'load' })
  }

  /** Delivers in order; a message to a page that is navigating is lost, as in Electron. */
  send(id: number, channel: string, args: unknown[]): void {
    const entry = this.windows.get(id)
    if (!entry) return
    this.meter?.('push', channel, args)
    entry.sends = entry.sends
      .then(async () => {
        const page = await entry.page
        await page.evaluate(
          ([name, c, a]) => {
            const deliver = (globalThis as unknown as Record<string, unknown>)[name as string]
            if (typeof deliver === 'function') deliver(c, a)
          },
          [PAGE_DELIVER, channel, encodeMapsAndSets(args)] as const
        )
      })
      .catch(() => undefined)
  }

  async setSize(id: number, width: number, height: number): Promise<void> {
    await (await this.entry(id).page).setViewportSize({ width, height })
  }

  async focus(id: number): Promise<void> {
    await (await this.entry(id).page).bringToFront()
  }

  async destroy(id: number): Promise<void> {
    const entry = this.windows.get(id)
    if (!entry) return
    this.windows.delete(id)
    entry.closedByApp = true
    await (await entry.page).close().catch(() => undefined)
  }

  async setDark(dark: boolean): Promise<void> {
    this.dark = dark
    for (const page of await this.pages())
      await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' })
  }

  /** session.clearStorageData: the pages' storage and the profile's cookies. */
  async clearStorage(): Promise<void> {
    await (await this.context).clearCookies()
    for (const page of await this.pages()) {
      await page
        .evaluate(async () => {
          const page = globalThis as unknown as PageStorage
          page.localStorage.clear()
          page.sessionStorage.clear()
          for (const db of await page.indexedDB.databases())
            if (db.name) page.indexedDB.deleteDatabase(db.name)
        })
        .catch(() => undefined)
    }
  }

  /** Pages of the open windows, oldest first. */
  async pages(): Promise<Page[]> {
    return Promise.all([...this.windows.values()].map((entry) => entry.page))
  }

  /** The first window's page once it has navigated to the app (not about:blank). */
  async firstWindow(): Promise<Page> {
    const entry =
      [...this.windows.values()][0] ??
      (await new Promise<WindowEntry>((resolve) => this.created.push(resolve)))
    await entry.navigated
    return entry.page
  }

  windowIdOf(page: Page): number {
    for (const [id, entry] of this.windows) if (this.resolved.get(entry) === page) return id
    throw new Error('That page is not one of the app windows')
  }

  private readonly resolved = new WeakMap<WindowEntry, Page>()

  private entry(id: number): WindowEntry {
    const entry = this.windows.get(id)
    if (!entry) throw new Error(`No page for window #${id}`)
    return entry
  }

  private async openPage(entry: WindowEntry, markNavigated: () => void): Promise<Page> {
    const { id, width, height, preload, contextIsolation } = entry.spec
    const context = await this.context
    const spare = this.spareTaken ? undefined : context.pages()[0]
    this.spareTaken = true
    const page = spare ?? (await context.newPage())
    this.resolved.set(entry, page)
    await page.setViewportSize({ width, height })
    await page.emulateMedia({ colorScheme: this.dark ? 'dark' : 'light' })
    await page.exposeBinding(PAGE_BINDING, (source, message: PageMessage) =>
      this.fromPage(id, source.frame.url(), message)
    )
    await page.addInitScript({
      content: buildInitScript({ preloadPath: preload, contextIsolation })
    })
    await page.route('**/*', (route, request) => this.routeRequest(entry, page, route, request))
    const event = (name: 'dom-ready' | 'did-finish-load' | 'did-navigate' | 'closed' | 'crashed') =>
      void this.toApp({ kind: 'page:event', id, event: name, url: page.url() }).catch(
        () => undefined
      )
    page.on('domcontentloaded', () => event('dom-ready'))
    page.on('load', () => event('did-finish-load'))
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return
      event('did-navigate')
      if (frame.url() !== 'about:blank') markNavigated()
    })
    page.on('crash', () => event('crashed'))
    page.on('close', () => {
      if (!entry.closedByApp) event('closed')
    })
    page.on('pageerror', (error) => this.pageErrors.push(`window #${id}: ${error.message}`))
    page.on('popup', (popup) => void popup.close())
    return page
  }

  private async fromPage(id: number, frameUrl: string, message: PageMessage): Promise<unknown> {
    if (message.type === 'invoke') {
      const { channel } = message
      const args = decodeMapsAndSets(message.args) as unknown[]
      const outcome = (await this.toApp({
        kind: 'ipc:invoke',
        id,
        frameUrl,
        channel,
        args
      })) as InvokeOutcome
      if (outcome.ok) this.meter?.('answer', channel, outcome.value)
      return outcome.ok ? { ok: true, value: encodeMapsAndSets(outcome.value) } : outcome
    }
    if (message.type === 'send') {
      const args = decodeMapsAndSets(message.args) as unknown[]
      return this.toApp({ kind: 'ipc:send', id, frameUrl, channel: message.channel, args })
    }
    const { url, frameName, features } = message
    return this.toApp({ kind: 'page:window-open', id, url, frameName, features })
  }

  /** Renderer-initiated main-frame navigations ask main (will-navigate); main's own loads pass. */
  private async routeRequest(
    entry: WindowEntry,
    page: Page,
    route: Route,
    request: Request
  ): Promise<void> {
    try {
      const isMainNavigation =
        request.isNavigationRequest() &&
        !request.redirectedFrom() &&
        request.frame() === page.mainFrame()
      if (!isMainNavigation || entry.expected.delete(request.url())) return await route.fallback()
      const allowed = await this.toApp({
        kind: 'page:will-navigate',
        id: entry.spec.id,
        url: request.url()
      })
      return allowed === true ? await route.fallback() : await route.abort('aborted')
    } catch {
      // The page or the app went away while the request was in flight; nothing is left to route.
    }
  }
}
