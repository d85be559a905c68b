/** Remembers the window's size and position between runs, in a small file of its own. */
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import type { BrowserWindow } from 'electron'
import type { WindowBounds } from './window'

const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 800 }

export function loadWindowBounds(file: string): WindowBounds {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<WindowBounds>
    const valid = (n: unknown) => typeof n === 'number' && Number.isFinite(n)
    if (!valid(saved.width) || !valid(saved.height)) return DEFAULT_BOUNDS
    return {
      width: Math.max(960, saved.width!),
      height: Math.max(600, saved.height!),
      ...(valid(saved.x) && valid(saved.y) ? { x: saved.x, y: saved.y } : {})
    }
  } catch {
    return DEFAULT_BOUNDS
  }
}

/** Saves the bounds when the user stops moving or resizing, and on close. */
export function trackWindowBounds(window: BrowserWindow, file: string): void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const save = () => {
    if (window.isDestroyed()) return
    const temp = `${file}.tmp`
    writeFileSync(temp, JSON.stringify(window.getBounds()))
    renameSync(temp, file)
  }
  const later = () => {
    clearTimeout(timer)
    timer = setTimeout(save, 500)
  }
  window.on('resize', later)
  window.on('move', later)
  window.on('close', () => {
    clearTimeout(timer)
    save()
  })
}
