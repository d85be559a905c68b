/**
 * antd's theme for the console, light and dark, with the colours that text is drawn in raised to WCAG AA contrast
 * (4.5:1 for body text; issue 23, checked by axe-core in the e2e suite). antd's defaults fall short in places a
 * person reads all day: secondary text (#8c8c8c on white, 3.4:1), Dinky's blue #1677ff behind white button labels
 * and as link text (4.1:1), green, gold and orange tags (2.8–3.4:1), and in dark mode links and the selected menu
 * item (#1668dc: 3.6:1 and 2.5:1), and danger red. Only those tokens change; every other colour is antd's own.
 */
import { theme, type ThemeConfig } from 'antd'

/** Dinky's web UI blue, kept where it is not text on white (the dark theme's buttons and fills). */
const DINKY_BLUE = '#1677ff'

/** Light tags' text where antd's 7th palette step is under 4.5:1 on the 1st (antd's Tag and JobStatusTag both). */
const LIGHT_TAG_TEXT = { green: '#237804', gold: '#874d00', orange: '#ad4e00', info: '#0958d9' }

const LIGHT: ThemeConfig = {
  algorithm: theme.defaultAlgorithm,
  token: {
    // Blue 7: white labels on primary buttons and links on white reach 6:1.
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorError: '#cf1322',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)'
  },
  components: {
    // A tag's text is its palette's 7th step on the 1st: two steps darker where that is under 4.5:1.
    Tag: {
      green7: LIGHT_TAG_TEXT.green,
      gold7: LIGHT_TAG_TEXT.gold,
      orange7: LIGHT_TAG_TEXT.orange,
      colorSuccess: LIGHT_TAG_TEXT.green,
      colorWarning: LIGHT_TAG_TEXT.gold,
      colorInfo: LIGHT_TAG_TEXT.info
    }
  }
}

const DARK: ThemeConfig = {
  algorithm: theme.darkAlgorithm,
  token: {
    colorPrimary: DINKY_BLUE,
    // Seeds: the dark algorithm draws them about an eighth darker (#69b1ff as #5b9ade, #ff7875 as #dc6765).
    colorLink: '#69b1ff',
    colorError: '#ff7875',
    colorTextTertiary: 'rgba(255, 255, 255, 0.55)',
    colorTextPlaceholder: 'rgba(255, 255, 255, 0.5)'
  },
  components: {
    // A red light enough to read on the dark background is too light behind white: a solid danger button's label
    // is dark instead.
    Button: { dangerColor: 'rgba(0, 0, 0, 0.88)' },
    Menu: { itemSelectedColor: '#69b1ff' },
    Tabs: { itemSelectedColor: '#4096ff', itemActiveColor: '#4096ff' }
  }
}

const withRadius = (look: ThemeConfig): ThemeConfig => ({
  ...look,
  token: { ...look.token, borderRadius: 6 }
})
const THEMES = { light: withRadius(LIGHT), dark: withRadius(DARK) }

/** The theme for the resolved look (the same object each time, so antd computes its tokens once per look). */
export function consoleTheme(dark: boolean): ThemeConfig {
  return dark ? THEMES.dark : THEMES.light
}

/**
 * The same tag text colours as CSS variables for JobStatusTag (a plain span, which antd's Tag tokens do not reach;
 * styles.css falls back to antd's own palette where a look sets none): the dark look keeps antd's.
 */
export function statusTagTextVars(dark: boolean): Record<string, string | null> {
  const light = !dark
  return {
    '--status-green-text': light ? LIGHT_TAG_TEXT.green : null,
    '--status-gold-text': light ? LIGHT_TAG_TEXT.gold : null,
    '--status-orange-text': light ? LIGHT_TAG_TEXT.orange : null,
    '--status-processing-text': light ? LIGHT_TAG_TEXT.info : null
  }
}
