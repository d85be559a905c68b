/* global window */
/**
 * Runs in each window's page before its scripts (via Playwright's init script): the page side of the stand-in
 * electron, i.e. `ipcRenderer` and `contextBridge` for the preload. Messages to main go through a Playwright
 * binding; messages from main arrive through a delivery function the test process calls. Plain JavaScript, because
 * its source is inlined into the init script (the page's CSP forbids eval).
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
function installElectronPageRuntime(config) {
  const toMain = (message) => window[config.binding](message)
  const listeners = new Map()

  // Playwright turns Map and Set into {}; they cross tagged (the test process's half: map-set-codec.ts).
  const TAG = '__electronStandInTag'
  const isPlainObject = (value) =>
    value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype
  function encode(value) {
    if (value instanceof Map) return { [TAG]: 'Map', entries: [...value].map((e) => e.map(encode)) }
    if (value instanceof Set) return { [TAG]: 'Set', values: [...value].map(encode) }
    if (Array.isArray(value)) return value.map(encode)
    if (isPlainObject(value))
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]))
    return value
  }
  function decode(value) {
    if (Array.isArray(value)) return value.map(decode)
    if (!isPlainObject(value)) return value
    if (value[TAG] === 'Map') return new Map(value.entries.map(([k, v]) => [decode(k), decode(v)]))
    if (value[TAG] === 'Set') return new Set(value.values.map(decode))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]))
  }

  /** Electron structured-clones IPC arguments and rejects with this message what cannot be cloned. */
  function assertCloneable(args) {
    try {
      structuredClone(args)
    } catch {
      throw new Error('An object could not be cloned.')
    }
  }

  const ipcRenderer = {
    async invoke(channel, ...args) {
      assertCloneable(args)
      const outcome = await toMain({ type: 'invoke', channel, args: encode(args) })
      if (outcome.ok) return decode(outcome.value)
      throw new Error(`Error invoking remote method '${channel}': ${outcome.message}`)
    },
    send(channel, ...args) {
      assertCloneable(args)
      void toMain({ type: 'send', channel, args: encode(args) })
    },
    sendSync() {
      throw new Error('ipcRenderer.sendSync is not supported by the e2e stand-in')
    },
    on(channel, listener) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener])
      return ipcRenderer
    },
    once(channel, listener) {
      const wrapped = (...args) => {
        ipcRenderer.removeListener(channel, wrapped)
        listener(...args)
      }
      return ipcRenderer.on(channel, wrapped)
    },
    removeListener(channel, listener) {
      const remaining = (listeners.get(channel) ?? []).filter((l) => l !== listener)
      listeners.set(channel, remaining)
      return ipcRenderer
    },
    off(channel, listener) {
      return ipcRenderer.removeListener(channel, listener)
    },
    removeAllListeners(channel) {
      if (channel === undefined) listeners.clear()
      else listeners.delete(channel)
      return ipcRenderer
    },
    listenerCount(channel) {
      return (listeners.get(channel) ?? []).length
    }
  }

  Object.defineProperty(window, config.deliver, {
    enumerable: false,
    value(channel, args) {
      const event = { sender: ipcRenderer, senderId: 0, ports: [] }
      for (const listener of listeners.get(channel) ?? []) {
        try {
          listener(event, ...decode(args))
        } catch (error) {
          setTimeout(() => {
            throw error
          })
        }
      }
    }
  })

  /** Copies a value into the page's world as contextBridge does: functions proxied, objects copied. */
  function copyAcross(value) {
    if (typeof value === 'function') {
      return (...args) => {
        const result = value(...args.map(copyAcross))
        return result instanceof Promise ? result.then(copyAcross) : copyAcross(result)
      }
    }
    if (Array.isArray(value)) return value.map(copyAcross)
    if (
      value !== null &&
      typeof value === 'object' &&
      Object.getPrototypeOf(value) === Object.prototype
    ) {
      return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, copyAcross(v)]))
    }
    return value
  }

  const contextBridge = {
    exposeInMainWorld(key, api) {
      if (!config.contextIsolation) {
        throw new Error('contextBridge API can only be used when contextIsolation is enabled')
      }
      if (key in window) {
        throw new Error('Cannot bind an API on top of an existing property on the window object')
      }
      Object.defineProperty(window, key, { value: copyAcross(api), enumerable: true })
    }
  }

  // New windows go through main's window open handler, as in Electron; the page itself never gets one.
  const requestWindow = (url, frameName, features) =>
    void toMain({
      type: 'window-open',
      url: new URL(url || 'about:blank', window.location.href).href,
      frameName,
      features
    })
  window.open = (url, frameName, features) => {
    requestWindow(String(url ?? ''), String(frameName ?? ''), String(features ?? ''))
    return null
  }
  window.addEventListener(
    'click',
    (event) => {
      const link =
        event.target instanceof window.Element ? event.target.closest('a[target="_blank"]') : null
      if (!link || !link.href) return
      event.preventDefault()
      requestWindow(link.href, '_blank', '')
    },
    true
  )

  const process = {
    type: 'renderer',
    platform: config.platform,
    env: {},
    versions: { electron: 'stand-in', chrome: '' },
    contextIsolated: config.contextIsolation,
    sandboxed: true
  }
  return { contextBridge, ipcRenderer, process }
}
