import { describe, expect, it } from 'vitest'
import { placeWindow } from '../../../src/main/desktop/window-placement'

const laptop = { x: 0, y: 0, width: 1440, height: 870 }
const externalRight = { x: 1440, y: 0, width: 2560, height: 1400 }
const externalLeftAbove = { x: -1920, y: -300, width: 1920, height: 1050 }

describe('placeWindow', () => {
  it('keeps saved bounds that are on a connected display', () => {
    const saved = { x: 1600, y: 100, width: 1280, height: 800 }
    expect(placeWindow(saved, [laptop, externalRight], laptop)).toEqual(saved)
  })

  it('keeps a place on a display left of and above the primary (negative coordinates)', () => {
    const saved = { x: -1800, y: -250, width: 1280, height: 800 }
    expect(placeWindow(saved, [laptop, externalLeftAbove], laptop)).toEqual(saved)
  })

  it('centres on the primary display when the saved display is gone', () => {
    const savedOnUnpluggedMonitor = { x: 1600, y: 100, width: 1280, height: 800 }
    expect(placeWindow(savedOnUnpluggedMonitor, [laptop], laptop)).toEqual({
      x: 80,
      y: 35,
      width: 1280,
      height: 800
    })
  })

  it('centres when only a sliver would be visible, or the title bar would be above every display', () => {
    const sliver = { x: 1400, y: 100, width: 1280, height: 800 }
    expect(placeWindow(sliver, [laptop], laptop).x).toBe(80)
    const titleBarAbove = { x: 100, y: -200, width: 1280, height: 800 }
    expect(placeWindow(titleBarAbove, [laptop], laptop)).toMatchObject({ x: 80, y: 35 })
  })

  it('shrinks a window larger than the display it opens on', () => {
    const huge = { x: 0, y: 0, width: 3000, height: 2000 }
    expect(placeWindow(huge, [laptop], laptop)).toEqual({ x: 0, y: 0, width: 1440, height: 870 })
    expect(placeWindow({ width: 3000, height: 2000 }, [laptop], laptop)).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 870
    })
  })

  it('centres on the primary when no position was saved', () => {
    expect(
      placeWindow({ width: 1280, height: 800 }, [externalRight, laptop], externalRight)
    ).toEqual({ x: 2080, y: 300, width: 1280, height: 800 })
  })
})
