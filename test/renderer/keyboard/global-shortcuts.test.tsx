/**
 * The console's keys in the window (issue 23): `?` shows the shortcut sheet (not while typing), `g` then a letter
 * opens a view, Ctrl+K the palette (also from a field), Esc closes; the application menu's `app:navigate` opens the
 * palette and the sheet over the current view.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { ShortcutSheet } from '../../../src/renderer/src/features/keyboard/ShortcutSheet'
import { useGlobalShortcuts } from '../../../src/renderer/src/features/keyboard/use-global-shortcuts'
import { CommandPalette } from '../../../src/renderer/src/features/palette/CommandPalette'
import { demoStore, renderConsole } from '../render-console'

afterEach(cleanup)

function Keys() {
  useGlobalShortcuts()
  return (
    <>
      <input data-testid="field" />
      <ShortcutSheet />
      <CommandPalette />
    </>
  )
}

const press = (target: Element, key: string, extra: KeyboardEventInit = {}) =>
  fireEvent.keyDown(target, { key, bubbles: true, ...extra })

describe('global shortcuts', () => {
  it('shows the shortcut sheet on ?, listing every view with its keys, and Esc closes it', async () => {
    const { store } = renderConsole(<Keys />)
    press(screen.getByTestId('field'), '?')
    expect(store.getState().shortcutSheetOpen).toBe(false)

    press(document.body, '?')
    const sheet = await screen.findByTestId('shortcut-sheet')
    for (const view of [
      'Fleet',
      'Overview',
      'Jobs',
      'Logs',
      'Clusters',
      'Diagnostics',
      'Settings'
    ]) {
      expect(sheet.textContent).toContain(view)
    }
    const jobsRow = [...sheet.querySelectorAll('tr')].find((row) =>
      row.textContent?.includes('Jobs')
    )!
    expect([...jobsRow.querySelectorAll('kbd')].map((kbd) => kbd.textContent)).toEqual([
      'g',
      'j',
      'Ctrl',
      '3'
    ])
    press(sheet, 'Escape')
    await waitFor(() => expect(store.getState().shortcutSheetOpen).toBe(false))
  })

  it('opens a view with g then its letter, but not while typing in a field', () => {
    const { store } = renderConsole(<Keys />)
    const field = screen.getByTestId('field')
    press(field, 'g')
    press(field, 'l')
    expect(store.getState().view).toBe('overview')
    press(document.body, 'g')
    press(document.body, 'l')
    expect(store.getState().view).toBe('logs')
    press(document.body, '5', { ctrlKey: true })
    expect(store.getState().view).toBe('clusters')
  })

  it('opens the palette with Ctrl+K from anywhere, a field included, with its input focused', async () => {
    const { store } = renderConsole(<Keys />)
    press(screen.getByTestId('field'), 'k', { ctrlKey: true })
    expect(store.getState().paletteOpen).toBe(true)
    const input = await screen.findByTestId('command-palette-input')
    await waitFor(() => expect(document.activeElement).toBe(input))
    press(input, 'Escape')
    await waitFor(() => expect(store.getState().paletteOpen).toBe(false))
  })

  it('opens the palette or the sheet when the application menu asks, over the current view', () => {
    const store = demoStore()
    store.getState().navigate('jobs')
    store.getState().applyPush('app:navigate', [{ panel: 'palette' }])
    expect(store.getState()).toMatchObject({ view: 'jobs', paletteOpen: true })
    store.getState().applyPush('app:navigate', [{ panel: 'shortcuts' }])
    expect(store.getState()).toMatchObject({ shortcutSheetOpen: true, paletteOpen: false })
    store.getState().applyPush('app:navigate', [{ view: 'logs' }])
    expect(store.getState().view).toBe('logs')
  })
})
