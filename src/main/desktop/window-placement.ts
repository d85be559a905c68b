/**
 * Where the window opens: the saved bounds when they still land on a connected display, else centred on the primary
 * display. A window saved on a monitor that has since been unplugged would otherwise open off-screen, out of reach.
 */

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface SavedBounds {
  x?: number
  y?: number
  width: number
  height: number
}

/** How much of the window must be on one display for the saved place to count: enough to grab its title bar. */
const MIN_VISIBLE = { width: 120, height: 60 }

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  }
}

/**
 * The bounds to open with. `displays` are the work areas of `screen.getAllDisplays()`, `primary` that of
 * `screen.getPrimaryDisplay()`. The size never exceeds the display the window lands on.
 */
export function placeWindow(saved: SavedBounds, displays: Rect[], primary: Rect): Rect {
  if (saved.x !== undefined && saved.y !== undefined) {
    const rect = { x: saved.x, y: saved.y, width: saved.width, height: saved.height }
    const home = displays.find((display) => {
      const visible = overlap(rect, display)
      // The top edge (title bar) must be on that display, not just some corner of the window.
      const topOnDisplay = rect.y >= display.y && rect.y < display.y + display.height
      return (
        topOnDisplay &&
        visible.width >= Math.min(MIN_VISIBLE.width, rect.width) &&
        visible.height >= Math.min(MIN_VISIBLE.height, rect.height)
      )
    })
    if (home) {
      return {
        ...rect,
        width: Math.min(rect.width, home.width),
        height: Math.min(rect.height, home.height)
      }
    }
  }
  const width = Math.min(saved.width, primary.width)
  const height = Math.min(saved.height, primary.height)
  return {
    x: Math.round(primary.x + (primary.width - width) / 2),
    y: Math.round(primary.y + (primary.height - height) / 2),
    width,
    height
  }
}
