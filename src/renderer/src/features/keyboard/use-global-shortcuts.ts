/**
 * Binds the console's global keys (key-commands.ts) to the window once, in the shell. In Electron the application
 * menu's accelerators take Ctrl/⌘+K and Ctrl/⌘+1…7 first and send them as `app:navigate`; these handlers serve the
 * keys the menu cannot hold (`?`, `g` sequences) and the window without a menu (the Chromium stand-in).
 */
import { useEffect } from 'react'
import { useConsoleStore } from '../../store/store-context'
import { createKeyReader, isTypingTarget } from './key-commands'

/** macOS uses ⌘ where others use Ctrl (as Electron's `CmdOrCtrl`). */
export const isMac = (): boolean => /mac/i.test(navigator.platform || navigator.userAgent)

export function useGlobalShortcuts(): void {
  const store = useConsoleStore()
  useEffect(() => {
    const read = createKeyReader(isMac())
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return
      const command = read({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        timeStamp: event.timeStamp,
        typing: isTypingTarget(event.target)
      })
      if (!command) return
      event.preventDefault()
      const state = store.getState()
      if (command.kind === 'palette') state.setPaletteOpen(true)
      else if (command.kind === 'shortcuts') state.setShortcutSheetOpen(true)
      else {
        state.setPaletteOpen(false)
        state.setShortcutSheetOpen(false)
        state.navigate(command.view)
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [store])
}
