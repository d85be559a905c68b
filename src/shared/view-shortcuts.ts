/**
 * The keys that reach each view, said once for the two places that bind them: the application menu's accelerators
 * (main, `src/main/desktop/app-menu.ts`) and the renderer's own key handling and shortcut sheet, so the menu, the
 * keys and the sheet cannot drift apart.
 */
import type { PushChannels } from './ipc/contract'

/** A view main may ask the renderer to show. */
export type NavigableView = NonNullable<PushChannels['app:navigate'][number]['view']>

export interface ViewShortcut {
  view: NavigableView
  /** Pressed after `g` (outside a text field): `g` then `j` opens Jobs. */
  letter: string
  /** With Ctrl (⌘ on macOS): Ctrl+3 opens Jobs. Also the menu accelerator. */
  digit: number
}

/** In the side menu's order, so Ctrl+1 is its first entry. */
export const VIEW_SHORTCUTS: readonly ViewShortcut[] = [
  { view: 'fleet', letter: 'f', digit: 1 },
  { view: 'overview', letter: 'o', digit: 2 },
  { view: 'jobs', letter: 'j', digit: 3 },
  { view: 'logs', letter: 'l', digit: 4 },
  { view: 'clusters', letter: 'c', digit: 5 },
  { view: 'diagnostics', letter: 'd', digit: 6 },
  { view: 'settings', letter: 's', digit: 7 }
]

/** With Ctrl (⌘): the command palette. */
export const PALETTE_KEY = 'k'
/** With Ctrl (⌘): the shortcut sheet (also `?` outside a text field, which a menu accelerator cannot be). */
export const SHORTCUT_SHEET_KEY = '/'
/** The key that starts a `g` sequence, and how long it waits for the second key. */
export const GO_KEY = 'g'
export const GO_SEQUENCE_MS = 1_500
