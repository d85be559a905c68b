/**
 * The stand-in `webContents`: its page is a Chromium tab owned by the test process. Loads, sends and page events
 * cross the test link; URLs of loadFile pages are shown to the main process as file:// URLs, as in Electron.
 */
import { EventEmitter } from 'node:events'
import { pathToFileURL } from 'node:url'
import type { PageEvent } from '../protocol'
import { PreventableEvent } from './preventable-event'
import { defaultSession } from './session'
import { toMainUrl, toServedUrl } from './static-server'
import { assertSendable } from './structured-clone'
import { notifyTest, requestTest } from './test-link'

export interface WindowOpenDetails {
  url: string
  frameName: string
  features: string
  disposition: 'new-window' | 'foreground-tab'
  referrer: { url: string; policy: string }
}
export type WindowOpenResponse =
  { action: 'deny' } | { action: 'allow'; overrideBrowserWindowOptions?: Record<string, unknown> }

/** How a WebContents asks its owner to open a window the page requested. */
export type OpenChildWindow = (options: Record<string, unknown>, url: string) => unknown

let nextWebContentsId = 1

export class StandInWebContents extends EventEmitter {
  readonly id = nextWebContentsId++
  readonly session = defaultSession
  private pageUrl = ''
  private title = ''
  private destroyed = false
  private openHandler: ((details: WindowOpenDetails) => WindowOpenResponse) | null = null

  constructor(
    private readonly windowId: number,
    private readonly openChildWindow: OpenChildWindow
  ) {
    super()
  }

  /** Main → renderer, delivered to `ipcRenderer.on` listeners in the page. Throws like Electron on non-clones. */
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed')
    assertSendable(args)
    notifyTest({ kind: 'window:send', id: this.windowId, channel, args })
  }

  async loadURL(url: string): Promise<void> {
    const pageUrl = url.startsWith('file:') ? await toServedUrl(url) : url
    try {
      await requestTest({ kind: 'window:load', id: this.windowId, url: pageUrl })
    } catch (error) {
      const code = /net::(ERR_\w+)/.exec(String(error))?.[1] ?? 'ERR_FAILED'
      this.emit('did-fail-load', new PreventableEvent(), -2, code, url, true)
      throw new Error(`${code} (-2) loading '${url}'`)
    }
  }

  loadFile(
    filePath: string,
    options: { query?: Record<string, string>; search?: string; hash?: string } = {}
  ) {
    const url = new URL(pathToFileURL(filePath).href)
    if (options.query)
      for (const [k, v] of Object.entries(options.query)) url.searchParams.set(k, v)
    if (options.search) url.search = options.search
    if (options.hash) url.hash = options.hash
    return this.loadURL(url.href)
  }

  reload(): void {
    void requestTest({ kind: 'window:reload', id: this.windowId }).catch(() => undefined)
  }

  getURL(): string {
    return this.pageUrl
  }
  getTitle(): string {
    return this.title
  }
  isLoading(): boolean {
    return false
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  getOSProcessId(): number {
    return 0
  }
  openDevTools(): void {}
  closeDevTools(): void {}
  isDevToolsOpened(): boolean {
    return false
  }

  setWindowOpenHandler(handler: (details: WindowOpenDetails) => WindowOpenResponse): void {
    this.openHandler = handler
  }

  /** A page event reported by the test process. */
  _pageEvent(event: PageEvent, url?: string): void {
    if (url !== undefined) this.pageUrl = toMainUrl(url)
    if (event === 'did-navigate')
      this.emit('did-navigate', new PreventableEvent(), this.pageUrl, 200, 'OK')
    else if (event === 'dom-ready') this.emit('dom-ready', new PreventableEvent())
    else if (event === 'did-finish-load') this.emit('did-finish-load', new PreventableEvent())
    else if (event === 'crashed') {
      this.emit('render-process-gone', new PreventableEvent(), { reason: 'crashed', exitCode: 1 })
    }
  }

  /** A renderer-initiated navigation: true when no 'will-navigate' listener prevented it. */
  _willNavigate(pageUrl: string): boolean {
    const url = toMainUrl(pageUrl)
    const event = Object.assign(new PreventableEvent(), {
      url,
      isMainFrame: true,
      isSameDocument: false
    })
    this.emit('will-navigate', event, url, false, true)
    return !event.defaultPrevented
  }

  /** window.open or a target=_blank link in the page: Electron asks the open handler; allow opens a window. */
  _windowOpen(pageUrl: string, frameName: string, features: string): WindowOpenResponse['action'] {
    const url = toMainUrl(pageUrl)
    const details: WindowOpenDetails = {
      url,
      frameName,
      features,
      disposition: frameName === '_blank' ? 'foreground-tab' : 'new-window',
      referrer: { url: this.pageUrl, policy: 'strict-origin-when-cross-origin' }
    }
    const response = this.openHandler ? this.openHandler(details) : { action: 'allow' as const }
    if (response.action === 'allow') {
      const child = this.openChildWindow(response.overrideBrowserWindowOptions ?? {}, pageUrl)
      this.emit('did-create-window', child, details)
    }
    return response.action
  }

  _destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.emit('destroyed')
  }
}
