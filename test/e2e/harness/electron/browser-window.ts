/**
 * The stand-in `BrowserWindow`: state (bounds, visibility, focus, minimised) kept here, the page itself a Chromium
 * tab in the test process. Closing follows Electron: 'close' (preventable), then 'closed', then, for the last
 * window outside a quit, the app's window-all-closed.
 */
import { EventEmitter } from 'node:events'
import type { WindowSpec } from '../protocol'
import { app } from './app'
import { PreventableEvent } from './preventable-event'
import { notifyTest } from './test-link'
import { StandInWebContents } from './web-contents'

interface Bounds {
  x: number
  y: number
  width: number
  height: number
}

interface WindowOptions {
  x?: number
  y?: number
  width?: number
  height?: number
  show?: boolean
  title?: string
  webPreferences?: { preload?: string; contextIsolation?: boolean }
  [option: string]: unknown
}

const openWindows = new Map<number, StandInBrowserWindow>()
let nextWindowId = 1
let focusedId: number | null = null

export class StandInBrowserWindow extends EventEmitter {
  static getAllWindows(): StandInBrowserWindow[] {
    return [...openWindows.values()]
  }
  static getFocusedWindow(): StandInBrowserWindow | null {
    return focusedId === null ? null : (openWindows.get(focusedId) ?? null)
  }
  static fromWebContents(contents: unknown): StandInBrowserWindow | null {
    return StandInBrowserWindow.getAllWindows().find((w) => w.webContents === contents) ?? null
  }
  static fromId(id: number): StandInBrowserWindow | null {
    return openWindows.get(id) ?? null
  }

  readonly id = nextWindowId++
  readonly webContents: StandInWebContents
  private bounds: Bounds
  private visible: boolean
  private minimized = false
  private maximized = false
  private destroyed = false
  private title: string
  private shownOnce = false

  constructor(options: WindowOptions = {}) {
    super()
    this.bounds = {
      x: options.x ?? 0,
      y: options.y ?? 0,
      width: options.width ?? 800,
      height: options.height ?? 600
    }
    this.visible = options.show ?? true
    this.title = options.title ?? app.getName()
    this.webContents = new StandInWebContents(this.id, (childOptions, url) => {
      const child = new StandInBrowserWindow(childOptions as WindowOptions)
      void child.loadURL(url).catch(() => undefined)
      return child
    })
    this.webContents.on('did-finish-load', () => {
      if (this.shownOnce) return
      this.shownOnce = true
      this.emit('ready-to-show', new PreventableEvent())
    })
    openWindows.set(this.id, this)
    const spec: WindowSpec = {
      id: this.id,
      width: this.bounds.width,
      height: this.bounds.height,
      show: this.visible,
      title: this.title,
      preload: options.webPreferences?.preload ?? null,
      contextIsolation: options.webPreferences?.contextIsolation ?? true
    }
    notifyTest({ kind: 'window:create', spec })
    if (this.visible) this.focus()
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url)
  }
  loadFile(path: string, options?: Parameters<StandInWebContents['loadFile']>[1]): Promise<void> {
    return this.webContents.loadFile(path, options)
  }

  show(): void {
    this.setVisible(true)
    this.focus()
  }
  showInactive(): void {
    this.setVisible(true)
  }
  hide(): void {
    this.setVisible(false)
  }
  isVisible(): boolean {
    return this.visible
  }
  focus(): void {
    if (focusedId === this.id) return
    const previous = StandInBrowserWindow.getFocusedWindow()
    focusedId = this.id
    previous?.emit('blur', new PreventableEvent())
    notifyTest({ kind: 'window:focus', id: this.id })
    this.emit('focus', new PreventableEvent())
  }
  blur(): void {
    if (focusedId !== this.id) return
    focusedId = null
    this.emit('blur', new PreventableEvent())
  }
  isFocused(): boolean {
    return focusedId === this.id
  }
  minimize(): void {
    this.minimized = true
    this.emit('minimize', new PreventableEvent())
  }
  restore(): void {
    if (!this.minimized && !this.maximized) return
    this.minimized = false
    this.maximized = false
    this.emit('restore', new PreventableEvent())
  }
  isMinimized(): boolean {
    return this.minimized
  }
  maximize(): void {
    this.maximized = true
    this.emit('maximize', new PreventableEvent())
  }
  unmaximize(): void {
    this.maximized = false
    this.emit('unmaximize', new PreventableEvent())
  }
  isMaximized(): boolean {
    return this.maximized
  }
  isFullScreen(): boolean {
    return false
  }
  setFullScreen(_flag: boolean): void {}

  getBounds(): Bounds {
    return { ...this.bounds }
  }
  getContentBounds(): Bounds {
    return this.getBounds()
  }
  getSize(): [number, number] {
    return [this.bounds.width, this.bounds.height]
  }
  getPosition(): [number, number] {
    return [this.bounds.x, this.bounds.y]
  }
  setBounds(bounds: Partial<Bounds>): void {
    const next = { ...this.bounds, ...bounds }
    const resized = next.width !== this.bounds.width || next.height !== this.bounds.height
    const moved = next.x !== this.bounds.x || next.y !== this.bounds.y
    this.bounds = next
    if (resized) {
      notifyTest({ kind: 'window:bounds', id: this.id, width: next.width, height: next.height })
      this.emit('resize', new PreventableEvent())
    }
    if (moved) this.emit('move', new PreventableEvent())
  }
  setSize(width: number, height: number): void {
    this.setBounds({ width, height })
  }
  setPosition(x: number, y: number): void {
    this.setBounds({ x, y })
  }
  center(): void {}
  setMinimumSize(_width: number, _height: number): void {}
  getTitle(): string {
    return this.title
  }
  setTitle(title: string): void {
    this.title = title
  }
  setMenu(_menu: unknown): void {}
  removeMenu(): void {}
  setMenuBarVisibility(_visible: boolean): void {}
  setAutoHideMenuBar(_hide: boolean): void {}
  setIcon(_icon: unknown): void {}
  flashFrame(_flag: boolean): void {}
  setProgressBar(_progress: number): void {}
  setSkipTaskbar(_skip: boolean): void {}
  isDestroyed(): boolean {
    return this.destroyed
  }

  /** Asks to close: a 'close' listener may prevent it, as when a person clicks the window's close button. */
  close(): void {
    if (this.destroyed) return
    const event = new PreventableEvent()
    this.emit('close', event)
    if (!event.defaultPrevented) this.destroy()
  }

  /** Closes without asking; the page is closed too unless it is already gone. */
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    openWindows.delete(this.id)
    if (focusedId === this.id) focusedId = null
    notifyTest({ kind: 'window:destroy', id: this.id })
    this.webContents._destroy()
    this.emit('closed')
    if (openWindows.size === 0) app._allWindowsClosed()
  }

  private setVisible(visible: boolean): void {
    if (this.visible === visible) return
    this.visible = visible
    notifyTest({ kind: 'window:visibility', id: this.id, visible })
    this.emit(visible ? 'show' : 'hide', new PreventableEvent())
  }
}

app._bindWindows(() => StandInBrowserWindow.getAllWindows())
