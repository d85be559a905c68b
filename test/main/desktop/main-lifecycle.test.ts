import { describe, expect, it } from 'vitest'
import { createMainLifecycle } from '../../../src/main/desktop/main-lifecycle'
import { createLineLogger } from '../../../src/main/core/logger'

function harness(start: () => Promise<() => Promise<void>>) {
  const events: string[] = []
  const logged: string[] = []
  let quitCalls = 0
  const lifecycle = createMainLifecycle({
    start,
    logger: createLineLogger((line) => logged.push(line)),
    showError: (title, text) => events.push(`dialog: ${title} | ${text.split('\n')[0]}`),
    quit: () => {
      quitCalls++
      events.push('quit')
    }
  })
  return { lifecycle, events, logged, quits: () => quitCalls }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('main lifecycle', () => {
  it('a quit during start-up waits for the start, then disposes (flushes the cache), then quits', async () => {
    let finishStart: () => void = () => undefined
    const started = new Promise<void>((resolve) => (finishStart = resolve))
    const h = harness(async () => {
      await started
      h.events.push('started')
      return async () => void h.events.push('disposed: cache flushed')
    })
    void h.lifecycle.start()
    expect(h.lifecycle.beforeQuit()).toBe(true) // the quit is held
    await tick()
    expect(h.events).toEqual([])
    finishStart()
    await tick()
    await tick()
    expect(h.events).toEqual(['started', 'disposed: cache flushed', 'quit'])
    expect(h.lifecycle.beforeQuit()).toBe(false) // the second quit goes through
  })

  it('a start-up failure is logged, shown in a dialog, and quits without a second dispose', async () => {
    const h = harness(async () => {
      throw new Error('settings file is a directory')
    })
    await h.lifecycle.start()
    expect(h.events).toEqual([
      'dialog: Dinky Console could not start | settings file is a directory',
      'quit'
    ])
    expect(h.logged.join('\n')).toMatch(/ERROR start-up failed why=".*settings file is a directory/)
    // app.quit() emits before-quit: nothing to dispose, but it still waits for the settled start, then quits.
    expect(h.lifecycle.beforeQuit()).toBe(true)
    await tick()
    await tick()
    expect(h.quits()).toBe(2)
    expect(h.lifecycle.beforeQuit()).toBe(false)
  })

  it('a failing dispose is logged and the app still quits', async () => {
    const h = harness(async () => async () => {
      throw new Error('disk full')
    })
    await h.lifecycle.start()
    expect(h.lifecycle.beforeQuit()).toBe(true)
    await tick()
    await tick()
    expect(h.logged.join('\n')).toMatch(/ERROR shutdown failed why="Error: disk full"/)
    expect(h.events).toEqual(['quit'])
  })

  it('quits at once when nothing was started (a second instance)', () => {
    const h = harness(async () => async () => undefined)
    expect(h.lifecycle.beforeQuit()).toBe(false)
  })
})
