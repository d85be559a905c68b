import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { allTrayIconFiles, trayIconFile } from '../../../src/main/desktop/tray-icons'

const RESOURCES = resolve(import.meta.dirname, '../../../resources')

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const png = readFileSync(join(RESOURCES, file))
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
  return [png.readUInt32BE(16), png.readUInt32BE(20)]
}

/** The RGBA pixels of an 8-bit RGBA, non-interlaced PNG (enough for our icons): IDAT inflated, rows unfiltered. */
function rgbaPixels(file: string): Uint8Array {
  const png = readFileSync(join(RESOURCES, file))
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)]
  expect([png[24], png[25], png[28]]).toEqual([8, 6, 0])
  const idat: Buffer[] = []
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at)
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT')
      idat.push(png.subarray(at + 8, at + 8 + length))
    at += 12 + length
  }
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * 4
  const out = new Uint8Array(stride * height)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!
      const a = x >= 4 ? out[y * stride + x - 4]! : 0
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0
      const c = x >= 4 && y > 0 ? out[(y - 1) * stride + x - 4]! : 0
      const p = a + b - c
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!
      out[y * stride + x] = (value + predictor) & 0xff
    }
  }
  return out
}

describe('tray icons', () => {
  it('colours by state on Windows and Linux, and uses template images on macOS', () => {
    expect(trayIconFile('live', 'win32')).toBe('tray-live.png')
    expect(trayIconFile('reconnecting', 'linux')).toBe('tray-warn.png')
    expect(trayIconFile('auth-expired', 'linux')).toBe('tray-error.png')
    expect(trayIconFile(undefined, 'linux')).toBe('tray-idle.png')
    expect(trayIconFile('offline', 'darwin')).toBe('tray-errorTemplate.png')
    expect(trayIconFile('live', 'darwin')).toMatch(/Template\.png$/)
  })

  it('ships every image at 16 px (1x) and 32 px (@2x)', () => {
    const files = allTrayIconFiles()
    expect(files).toHaveLength(16)
    for (const file of files) {
      expect(existsSync(join(RESOURCES, file)), file).toBe(true)
      expect(pngSize(file), file).toEqual(file.includes('@2x') ? [32, 32] : [16, 16])
    }
  })

  it('template images are black with alpha only (macOS tints them); the colour ones are not', () => {
    const visibleColours = (file: string) => {
      const pixels = rgbaPixels(file)
      const colours = new Set<string>()
      for (let i = 0; i < pixels.length; i += 4) {
        if (pixels[i + 3]! > 0) colours.add(`${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`)
      }
      return colours
    }
    for (const file of allTrayIconFiles()) {
      const colours = visibleColours(file)
      expect(colours.size, file).toBeGreaterThan(0)
      if (file.includes('Template')) expect([...colours], file).toEqual(['0,0,0'])
      else expect(colours.size, file).toBeGreaterThan(1)
    }
  })
})
