/**
 * Playwright carries dates, typed arrays and plain data between the page and this process, but turns Map and Set
 * into `{}`; Electron's structured clone keeps them. They cross tagged; page/page-runtime.js holds the page's half.
 */
const TAG = '__electronStandInTag'

type Tagged = { [TAG]: 'Map'; entries: unknown[][] } | { [TAG]: 'Set'; values: unknown[] }

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype

/** Replaces Maps and Sets (at any depth in arrays and plain objects) with tagged plain objects. */
export function encodeMapsAndSets(value: unknown): unknown {
  if (value instanceof Map)
    return { [TAG]: 'Map', entries: [...value].map((e) => e.map(encodeMapsAndSets)) }
  if (value instanceof Set) return { [TAG]: 'Set', values: [...value].map(encodeMapsAndSets) }
  if (Array.isArray(value)) return value.map(encodeMapsAndSets)
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeMapsAndSets(v)]))
  }
  return value
}

/** The inverse of encodeMapsAndSets. */
export function decodeMapsAndSets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeMapsAndSets)
  if (!isPlainObject(value)) return value
  const tagged = value as Partial<Tagged>
  if (tagged[TAG] === 'Map') {
    const entries = (value as { entries: unknown[][] }).entries
    return new Map(entries.map(([k, v]) => [decodeMapsAndSets(k), decodeMapsAndSets(v)]))
  }
  if (tagged[TAG] === 'Set')
    return new Set((value as { values: unknown[] }).values.map(decodeMapsAndSets))
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeMapsAndSets(v)]))
}
