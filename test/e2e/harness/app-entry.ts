/**
 * Entry of the app process (forked by the launcher, run with tsx): maps `electron` to the stand-in for both
 * `import` and `require`, runs the main script given as argv[2], then emits 'ready' as Electron does once the main
 * script has been evaluated. Usage: node --import tsx app-entry.ts <main.js>
 */
import Module, { register } from 'node:module'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app } from './electron/app'
import { records } from './electron/records'
import { routeTestRequest } from './electron/request-router'
import { notifyTest, setTestRequestRouter } from './electron/test-link'

const standInUrl = new URL('./electron/index.ts', import.meta.url).href
const resolveHook = `
let target
export async function initialize(data) { target = data.standInUrl }
export async function resolve(specifier, context, next) {
  if (specifier === 'electron' || specifier === 'electron/main') return { url: target, shortCircuit: true }
  return next(specifier, context)
}`
register(`data:text/javascript,${encodeURIComponent(resolveHook)}`, { data: { standInUrl } })

// CommonJS code (a dependency doing require('electron')) gets the very same module instance.
const electron = ((await import(standInUrl)) as { default: unknown }).default
const internals = Module as unknown as {
  _resolveFilename: (request: string, ...rest: unknown[]) => string
  _cache: Record<string, unknown>
}
const virtualFile = resolve('electron-stand-in.virtual.js')
const cached = new Module(virtualFile)
cached.exports = electron
cached.loaded = true
internals._cache[virtualFile] = cached
const resolveFilename = internals._resolveFilename
internals._resolveFilename = function (request: string, ...rest: unknown[]) {
  return request === 'electron' ? virtualFile : resolveFilename.call(this, request, ...rest)
}

Object.assign(process, { type: 'browser', resourcesPath: app.getAppPath() })
Object.assign(process.versions, { electron: 'stand-in' })

// Electron shows a dialog for these and keeps running; here they are logged and recorded for tests.
process.on('uncaughtException', (error) => {
  records.mainErrors.push(error.stack ?? String(error))
  console.error('Uncaught exception in the main process:', error)
})
process.on('unhandledRejection', (reason) => {
  records.mainErrors.push(
    reason instanceof Error ? (reason.stack ?? String(reason)) : String(reason)
  )
  console.error('Unhandled rejection in the main process:', reason)
})

setTestRequestRouter(routeTestRequest)
const mainScript = process.argv[2]
if (!mainScript) throw new Error('usage: app-entry.ts <main script>')
// As under `electron main.js ...args`: argv is [executable, main script, ...args].
process.argv = [process.execPath, resolve(mainScript), ...process.argv.slice(3)]
await import(pathToFileURL(resolve(mainScript)).href)
// A second instance quits from its main script; signalling 'ready' would race its exit.
if (!app._quitsBeforeReady()) {
  app._emitReady()
  notifyTest({ kind: 'ready' })
}
