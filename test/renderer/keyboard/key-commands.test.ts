/**
 * The console's global keys (issue 23): Ctrl/⌘+K, `?`, Ctrl/⌘+1…7 and `g` sequences become commands; letters typed
 * into a field stay letters; the `g` sequence lapses after GO_SEQUENCE_MS of the events' own time.
 */
import { describe, expect, it } from 'vitest'
import {
  createKeyReader,
  isTypingTarget,
  type KeyPress
} from '../../../src/renderer/src/features/keyboard/key-commands'
import { GO_SEQUENCE_MS } from '../../../src/shared/view-shortcuts'

const press = (key: string, at: number, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  timeStamp: at,
  typing: false,
  ...extra
})

describe('key reader', () => {
  it('opens the palette with Ctrl+K (⌘+K on macOS), also while typing', () => {
    const linux = createKeyReader(false)
    expect(linux(press('k', 0, { ctrlKey: true, typing: true }))).toEqual({ kind: 'palette' })
    expect(linux(press('K', 0, { ctrlKey: true }))).toEqual({ kind: 'palette' })
    expect(linux(press('k', 0, { metaKey: true }))).toBeNull()
    const mac = createKeyReader(true)
    expect(mac(press('k', 0, { metaKey: true }))).toEqual({ kind: 'palette' })
    expect(mac(press('k', 0, { ctrlKey: true }))).toBeNull()
  })

  it('goes to a view with g then a letter, or Ctrl+digit', () => {
    const read = createKeyReader(false)
    expect(read(press('g', 1_000))).toBeNull()
    expect(read(press('j', 1_400))).toEqual({ kind: 'view', view: 'jobs' })
    expect(read(press('g', 2_000))).toBeNull()
    expect(read(press('c', 2_000 + GO_SEQUENCE_MS))).toEqual({ kind: 'view', view: 'clusters' })
    expect(read(press('7', 5_000, { ctrlKey: true }))).toEqual({ kind: 'view', view: 'settings' })
    expect(read(press('1', 5_000, { ctrlKey: true }))).toEqual({ kind: 'view', view: 'fleet' })
    expect(read(press('8', 5_000, { ctrlKey: true }))).toBeNull()
  })

  it('lets a g sequence lapse, and ends it at any other key', () => {
    const read = createKeyReader(false)
    read(press('g', 0))
    expect(read(press('j', GO_SEQUENCE_MS + 1))).toBeNull()
    read(press('g', 10_000))
    expect(read(press('x', 10_100))).toBeNull()
    expect(read(press('j', 10_200))).toBeNull()
    // A lone `j` never navigates.
    expect(read(press('j', 20_000))).toBeNull()
  })

  it('reads nothing without Ctrl while the person types in a field', () => {
    const read = createKeyReader(false)
    expect(read(press('?', 0, { typing: true }))).toBeNull()
    expect(read(press('g', 10, { typing: true }))).toBeNull()
    expect(read(press('j', 20, { typing: true }))).toBeNull()
    expect(read(press('g', 30))).toBeNull()
    expect(read(press('j', 40, { typing: true }))).toBeNull()
  })

  it('opens the sheet with ? (Shift on the way does not break a sequence) or Ctrl+/', () => {
    const read = createKeyReader(false)
    expect(read(press('Shift', 0))).toBeNull()
    expect(read(press('?', 5))).toEqual({ kind: 'shortcuts' })
    expect(read(press('/', 10, { ctrlKey: true }))).toEqual({ kind: 'shortcuts' })
    expect(read(press('?', 10, { altKey: true }))).toBeNull()
  })
})

describe('typing targets', () => {
  it('counts text fields and editable elements, not buttons, checkboxes or the page', () => {
    const make = (html: string) => {
      const host = document.createElement('div')
      host.innerHTML = html
      return host.firstElementChild
    }
    expect(isTypingTarget(make('<input>'))).toBe(true)
    expect(isTypingTarget(make('<input type="search">'))).toBe(true)
    expect(isTypingTarget(make('<textarea></textarea>'))).toBe(true)
    expect(isTypingTarget(make('<input type="checkbox">'))).toBe(false)
    expect(isTypingTarget(make('<button>ok</button>'))).toBe(false)
    expect(isTypingTarget(document.body)).toBe(false)
    expect(isTypingTarget(null)).toBe(false)
  })
})
