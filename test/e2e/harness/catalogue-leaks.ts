/**
 * Finds English UI strings on a page that should be Chinese: every en-US catalogue string that zh-CN translates
 * differently is turned into a whole-line pattern (`{{x}}` matches anything), and the page's visible lines, input
 * placeholders and aria-labels are checked against them. Data (job names, log lines) never equals a catalogue
 * string, so what this finds is a label the renderer did not translate.
 */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Page } from 'playwright-core'
import { PROJECT_ROOT } from './project-paths'

export type Catalogue = { [key: string]: string | Catalogue }

/**
 * The renderer's catalogues, loaded by path: they belong to the web program (tsconfig.web.json), so the node
 * program that type-checks the tests must not follow a static import into them.
 */
export async function loadCatalogues(): Promise<{ enUS: Catalogue; zhCN: Catalogue }> {
  const load = async (name: string, member: string) => {
    const url = pathToFileURL(join(PROJECT_ROOT, 'src/renderer/src/i18n', name)).href
    return ((await import(url)) as Record<string, Catalogue>)[member]
  }
  return { enUS: await load('en-US.ts', 'enUS'), zhCN: await load('zh-CN.ts', 'zhCN') }
}

/** Whole-line patterns of the English strings that have a different Chinese translation. */
export async function translatedEnglishPatterns(): Promise<
  Array<{ key: string; pattern: RegExp }>
> {
  const { enUS, zhCN } = await loadCatalogues()
  const patterns: Array<{ key: string; pattern: RegExp }> = []
  const walk = (en: Catalogue, zh: Catalogue, path: string) => {
    for (const [key, value] of Object.entries(en)) {
      const other = zh[key]
      if (typeof value === 'string') {
        const literals = value.split(/\{\{\s*\w+\s*\}\}/)
        // Too little text of its own ('{{count}}d') would match data, not labels.
        if (value === other || literals.join('').replace(/[^\p{L}]/gu, '').length < 3) continue
        const source = literals
          .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('.+')
        patterns.push({ key: `${path}${key}`, pattern: new RegExp(`^${source}$`) })
      } else if (typeof other === 'object') {
        walk(value, other, `${path}${key}.`)
      }
    }
  }
  walk(enUS, zhCN, '')
  return patterns
}

/** The English catalogue strings visible on the page right now, as `key: text`. */
export async function englishLeaks(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const doc = (globalThis as unknown as { document: PageDocument }).document
    const lines = doc.body.innerText.split('\n')
    const attributes = Array.from(doc.querySelectorAll('[placeholder], [aria-label]')).flatMap(
      (element) => [element.getAttribute('placeholder'), element.getAttribute('aria-label')]
    )
    return [...lines, ...attributes].map((text) => (text ?? '').trim()).filter(Boolean)
  })
  const patterns = await translatedEnglishPatterns()
  const leaks = new Set<string>()
  for (const text of texts) {
    const hit = patterns.find(({ pattern }) => pattern.test(text))
    if (hit) leaks.add(`${hit.key}: ${text}`)
  }
  return [...leaks]
}

/** The few DOM members used above (the test program has no DOM types). */
interface PageDocument {
  body: { innerText: string }
  querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null }>
}
