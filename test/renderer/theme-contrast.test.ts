/**
 * Issue 23: the console's theme draws text at WCAG AA contrast (4.5:1) in both looks, from antd's computed tokens
 * (the dark algorithm derives some colours from their seeds, so the seeds alone prove nothing). antd's defaults fail
 * several of these: the e2e axe audit finds them on screen, this finds them in a second.
 */
import { theme } from 'antd'
import { describe, expect, it } from 'vitest'
import { consoleTheme } from '../../src/renderer/src/theme-config'

type Rgba = [number, number, number, number]

/** `#rgb`, `#rrggbb`, `#rrggbbaa` or `rgb(a)(…)`, as antd writes its tokens. */
function parse(written: string): Rgba {
  const color = /^#[0-9a-f]{3}$/i.test(written)
    ? written.replace(/[0-9a-f]/gi, (digit) => digit + digit)
    : written
  const hex = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(color)
  if (hex) {
    const [r, g, b] = [0, 2, 4].map((at) => parseInt(hex[1]!.slice(at, at + 2), 16))
    return [r!, g!, b!, hex[2] ? parseInt(hex[2], 16) / 255 : 1]
  }
  const rgb = /^rgba?\(([^)]+)\)$/.exec(color.replace(/\s/g, ''))
  if (!rgb) throw new Error(`not a colour: ${color}`)
  const [r, g, b, a = 1] = rgb[1]!.split(',').map(Number)
  return [r!, g!, b!, a]
}

/** `front` drawn over the opaque `back`. */
function over(front: Rgba, back: Rgba): Rgba {
  const a = front[3]
  return [0, 1, 2].map((i) => front[i]! * a + back[i]! * (1 - a)).concat(1) as Rgba
}

function luminance([r, g, b]: Rgba): number {
  const channel = (value: number) => {
    const c = value / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

function contrast(text: string, background: string): number {
  const back = parse(background)
  const [a, b] = [luminance(over(parse(text), back)), luminance(back)]
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)
}

describe.each([false, true])('the console theme, dark: %s', (dark) => {
  const token = theme.getDesignToken(consoleTheme(dark))
  const backgrounds = { container: token.colorBgContainer, layout: token.colorBgLayout }

  it.each([
    'colorText',
    'colorTextSecondary',
    'colorTextTertiary',
    'colorTextDescription',
    'colorTextPlaceholder',
    'colorLink',
    'colorErrorText',
    'colorError'
  ] as const)('draws %s at 4.5:1 or more on cards and on the page', (name) => {
    for (const [where, background] of Object.entries(backgrounds))
      expect(contrast(token[name], background), `${name} on ${where}`).toBeGreaterThanOrEqual(4.5)
  })

  it('draws white labels on primary buttons at 4.5:1 or more', () => {
    expect(contrast(token.colorTextLightSolid, token.colorPrimary)).toBeGreaterThanOrEqual(4.5)
  })
})
