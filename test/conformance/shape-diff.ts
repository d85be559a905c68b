/**
 * The shape comparison of conformance (b): JSON key sets and value types, recursively, arrays by their first
 * elements; a null or absent value on either side is tolerated where the other has a value (Dinky leaves many
 * fields null). Each difference names the endpoint, a JSON pointer, what the recording had and what the simulator
 * answered, so a failing test reads as a list of fixes.
 */

export interface Difference {
  endpoint: string
  pointer: string
  expected: string
  actual: string
}

export function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

/** Pushes to `out` every place `actual` (the simulator's) is shaped differently from `expected` (the recording's). */
export function compareShape(
  endpoint: string,
  expected: unknown,
  actual: unknown,
  out: Difference[],
  pointer = ''
): void {
  const e = typeName(expected)
  const a = typeName(actual)
  if (e === 'null' || a === 'null') return
  if (e !== a) {
    out.push({ endpoint, pointer: pointer || '/', expected: e, actual: a })
    return
  }
  if (e === 'array') {
    const [first] = expected as unknown[]
    const [other] = actual as unknown[]
    if (first !== undefined && other !== undefined)
      compareShape(endpoint, first, other, out, `${pointer}/0`)
    return
  }
  if (e !== 'object') return
  const exp = expected as Record<string, unknown>
  const act = actual as Record<string, unknown>
  if (isMap(exp) || isMap(act)) {
    // A map keyed by data (Flink's per-status `timestamps`, a topic's parameters): its values are compared.
    const [first] = Object.values(exp)
    const [other] = Object.values(act)
    if (first !== undefined && other !== undefined)
      compareShape(endpoint, first, other, out, `${pointer}/*`)
    return
  }
  for (const key of Object.keys(exp)) {
    const at = `${pointer}/${key}`
    if (!(key in act)) {
      if (exp[key] !== null)
        out.push({ endpoint, pointer: at, expected: typeName(exp[key]), actual: 'absent' })
    } else compareShape(endpoint, exp[key], act[key], out, at)
  }
  for (const key of Object.keys(act)) {
    if (!(key in exp) && act[key] !== null)
      out.push({
        endpoint,
        pointer: `${pointer}/${key}`,
        expected: 'absent',
        actual: typeName(act[key])
      })
  }
}

/** Keys that are data, not field names: Flink status names, process names, metric and config keys, ids, hosts. */
const DATA_KEY = /^[A-Z][A-Z_]*$|[/.]|^\d+$|^[0-9a-f]{32}$|^[0-9a-f-]{36}$|:\d+$/

function isMap(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value)
  return keys.length > 0 && keys.every((key) => DATA_KEY.test(key))
}

/** One line per distinct difference (the same drift seen on several answers is listed once). */
export function formatDifferences(differences: readonly Difference[]): string {
  const lines = differences.map(
    (d) => `${d.endpoint} ${d.pointer}: recording ${d.expected}, simulator ${d.actual}`
  )
  return [...new Set(lines)].join('\n')
}
