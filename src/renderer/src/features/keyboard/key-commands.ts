/**
 * Reads the console's global keys into commands, without touching the DOM: Ctrl/⌘+K the palette, Ctrl/⌘+/ or `?`
 * the shortcut sheet, Ctrl/⌘+1…7 or `g` then a letter a view (VIEW_SHORTCUTS). Keys without Ctrl/⌘ are never read
 * while the person is typing in a field, so `g`, `j` and `?` stay letters there. Time comes from the key events,
 * so a test drives the `g` sequence with made-up timestamps.
 */
import {
  GO_KEY,
  GO_SEQUENCE_MS,
  PALETTE_KEY,
  SHORTCUT_SHEET_KEY,
  VIEW_SHORTCUTS,
  type NavigableView
} from '../../../../shared/view-shortcuts'

export type KeyCommand =
  { kind: 'palette' } | { kind: 'shortcuts' } | { kind: 'view'; view: NavigableView }

/** The facts of a keydown the reader needs. */
export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  /** `KeyboardEvent.timeStamp` (ms). */
  timeStamp: number
  /** The key went to a text field (input, textarea, select, contenteditable). */
  typing: boolean
}

/** Ctrl on Windows and Linux, ⌘ on macOS: the menu's `CmdOrCtrl`. */
export const commandModifier = (press: KeyPress, mac: boolean): boolean =>
  mac ? press.metaKey && !press.ctrlKey : press.ctrlKey && !press.metaKey

/** A reader with its own `g`-sequence state: one per window. */
export function createKeyReader(mac: boolean): (press: KeyPress) => KeyCommand | null {
  let goPressedAt: number | null = null
  return (press) => {
    const key = press.key.length === 1 ? press.key.toLowerCase() : press.key
    if (commandModifier(press, mac) && !press.altKey) {
      goPressedAt = null
      if (key === PALETTE_KEY) return { kind: 'palette' }
      if (key === SHORTCUT_SHEET_KEY) return { kind: 'shortcuts' }
      const byDigit = VIEW_SHORTCUTS.find((shortcut) => String(shortcut.digit) === key)
      return byDigit ? { kind: 'view', view: byDigit.view } : null
    }
    if (press.typing || press.ctrlKey || press.metaKey || press.altKey) {
      goPressedAt = null
      return null
    }
    // Shift alone (on its way to `?` or a capital) neither starts nor ends a sequence.
    if (key === 'Shift') return null
    if (key === '?') {
      goPressedAt = null
      return { kind: 'shortcuts' }
    }
    if (goPressedAt !== null && press.timeStamp - goPressedAt <= GO_SEQUENCE_MS) {
      goPressedAt = null
      const byLetter = VIEW_SHORTCUTS.find((shortcut) => shortcut.letter === key)
      return byLetter ? { kind: 'view', view: byLetter.view } : null
    }
    goPressedAt = key === GO_KEY ? press.timeStamp : null
    return null
  }
}

/** True for a keydown aimed at a place that types text. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (!(target instanceof HTMLInputElement)) return false
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(
    target.type
  )
}
