/** The stand-in `shell`: nothing is opened; every call is recorded for tests. */
import { records } from './records'

export const shell = {
  /** Electron resolves once the OS has been asked; the stand-in only records the URL. */
  async openExternal(url: string, _options?: unknown): Promise<void> {
    records.externalUrls.push(url)
  },
  async openPath(path: string): Promise<string> {
    records.shellCalls.push({ method: 'openPath', arg: path })
    return ''
  },
  showItemInFolder(path: string): void {
    records.shellCalls.push({ method: 'showItemInFolder', arg: path })
  },
  async trashItem(path: string): Promise<void> {
    records.shellCalls.push({ method: 'trashItem', arg: path })
  },
  beep(): void {
    records.shellCalls.push({ method: 'beep', arg: '' })
  }
}
