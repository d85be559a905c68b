/**
 * The stand-in `app`: lifecycle events in Electron's order (ready; before-quit → window close → will-quit → quit),
 * paths under the run's directories, version and name from the app's package.json, locale from the launcher.
 */
import { EventEmitter } from 'node:events'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { getAppPath, setAppPath } from './app-paths'
import { PreventableEvent } from './preventable-event'
import { exitProcess, onProcessExit } from './process-exit'
import * as singleInstance from './single-instance'

export interface ClosableWindow {
  close(): void
  isDestroyed(): boolean
}

const appRoot = process.env['DINKY_E2E_APP_PATH'] ?? process.cwd()
const appPackage = JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as {
  name: string
  productName?: string
  version: string
}
const locale = process.env['DINKY_E2E_LOCALE'] ?? 'en-US'

export class StandInApp extends EventEmitter {
  name = appPackage.productName ?? appPackage.name
  readonly isPackaged = false
  userAgentFallback = `Mozilla/5.0 DinkyConsole/${appPackage.version} Electron/stand-in`
  readonly commandLine = createCommandLine()
  private ready = false
  private quitting = false
  private quitBeforeReady = false
  private readonly readyPromise: Promise<void>
  private resolveReady: () => void = () => undefined
  private openWindows: () => ClosableWindow[] = () => []

  constructor() {
    super()
    this.readyPromise = new Promise((resolve) => (this.resolveReady = resolve))
    onProcessExit(() => singleInstance.releaseSingleInstanceLock())
  }

  whenReady(): Promise<void> {
    return this.readyPromise
  }
  isReady(): boolean {
    return this.ready
  }
  getName(): string {
    return this.name
  }
  setName(name: string): void {
    this.name = name
  }
  getVersion(): string {
    return appPackage.version
  }
  getAppPath(): string {
    return appRoot
  }
  getPath(name: string): string {
    return getAppPath(name)
  }
  setPath(name: string, path: string): void {
    setAppPath(name, path)
  }
  getLocale(): string {
    return locale
  }
  getSystemLocale(): string {
    return locale
  }
  getPreferredSystemLanguages(): string[] {
    return [locale]
  }
  getLocaleCountryCode(): string {
    return locale.split('-')[1] ?? ''
  }
  setAppUserModelId(_id: string): void {}
  disableHardwareAcceleration(): void {}
  setAboutPanelOptions(_options: unknown): void {}
  focus(): void {}
  setBadgeCount(_count?: number): boolean {
    return true
  }
  getLoginItemSettings(): { openAtLogin: boolean } {
    return { openAtLogin: false }
  }
  setLoginItemSettings(_settings: unknown): void {}

  requestSingleInstanceLock(additionalData?: unknown): boolean {
    return singleInstance.requestSingleInstanceLock(additionalData, (argv, cwd, data) => {
      this.emit('second-instance', new PreventableEvent(), argv, cwd, data)
    })
  }
  hasSingleInstanceLock(): boolean {
    return singleInstance.hasSingleInstanceLock()
  }
  releaseSingleInstanceLock(): void {
    singleInstance.releaseSingleInstanceLock()
  }

  /** Like Electron, quitting is asynchronous and can be cancelled by before-quit, a window's close, or will-quit. */
  quit(): void {
    if (!this.ready) this.quitBeforeReady = true
    setImmediate(() => void this.runQuit())
  }

  /** A quit asked for while the main script ran (a second instance): 'ready' is then never emitted. */
  _quitsBeforeReady(): boolean {
    return this.quitBeforeReady
  }

  /** Exits at once: no before-quit, no close events. */
  exit(code = 0): void {
    void exitProcess(code)
  }

  relaunch(): void {}

  /** Called by the app entry after the main script has run. */
  _emitReady(): void {
    this.ready = true
    this.emit('will-finish-launching')
    this.emit('ready', new PreventableEvent(), {})
    this.resolveReady()
  }

  _bindWindows(openWindows: () => ClosableWindow[]): void {
    this.openWindows = openWindows
  }

  /** The last window closed outside a quit: Electron quits unless someone listens for window-all-closed. */
  _allWindowsClosed(): void {
    if (this.quitting) return
    if (this.listenerCount('window-all-closed') > 0) this.emit('window-all-closed')
    else this.quit()
  }

  private async runQuit(): Promise<void> {
    if (this.quitting) return
    const beforeQuit = new PreventableEvent()
    this.emit('before-quit', beforeQuit)
    if (beforeQuit.defaultPrevented) return
    this.quitting = true
    for (const window of this.openWindows()) window.close()
    const willQuit = new PreventableEvent()
    const windowStayed = this.openWindows().some((window) => !window.isDestroyed())
    if (!windowStayed) this.emit('will-quit', willQuit)
    if (windowStayed || willQuit.defaultPrevented) {
      this.quitting = false
      return
    }
    this.emit('quit', new PreventableEvent(), 0)
    await singleInstance.singleInstanceForwarded()
    await exitProcess(0)
  }
}

function createCommandLine() {
  const switches = new Map<string, string>()
  return {
    appendSwitch: (name: string, value = '') => void switches.set(name, value),
    appendArgument: (_value: string) => undefined,
    hasSwitch: (name: string) => switches.has(name),
    getSwitchValue: (name: string) => switches.get(name) ?? '',
    removeSwitch: (name: string) => void switches.delete(name)
  }
}

export const app = new StandInApp()
