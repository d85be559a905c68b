/**
 * Builds the init script each window's page runs before its own scripts: the page runtime (ipcRenderer,
 * contextBridge) and then the app's built CommonJS preload inside a wrapper whose `require('electron')` returns that
 * runtime, in the main frame only, as Electron runs preloads.
 */
import { readFileSync } from 'node:fs'
import { dirname } from 'node:path'

const runtimeSource = readFileSync(new URL('./page/page-runtime.js', import.meta.url), 'utf8')

/** The names under which the page reaches main and main reaches the page. */
export const PAGE_BINDING = '__electronStandInToMain'
export const PAGE_DELIVER = '__electronStandInDeliver'

export interface InitScriptOptions {
  preloadPath: string | null
  contextIsolation: boolean
}

/** Returns the init script's source; the preload is read from disk now, as Electron reads it per navigation. */
export function buildInitScript(options: InitScriptOptions): string {
  const config = {
    binding: PAGE_BINDING,
    deliver: PAGE_DELIVER,
    contextIsolation: options.contextIsolation,
    platform: process.platform
  }
  const preload = options.preloadPath ? readFileSync(options.preloadPath, 'utf8') : ''
  const fileName = JSON.stringify(options.preloadPath ?? '')
  const dirName = JSON.stringify(options.preloadPath ? dirname(options.preloadPath) : '')
  return `(() => {
if (window !== window.top) return;
${runtimeSource}
const electron = installElectronPageRuntime(${JSON.stringify(config)});
const module = { exports: {} };
const require = (id) => {
  if (id === 'electron' || id === 'electron/renderer') return electron;
  throw new Error("Cannot find module '" + id + "'");
};
try {
  (function (exports, require, module, __filename, __dirname, process) {
${preload}
  })(module.exports, require, module, ${fileName}, ${dirName}, electron.process);
} catch (error) {
  console.error('Unable to load preload script: ' + ${fileName});
  console.error(error);
}
})();`
}
