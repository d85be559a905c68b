/**
 * Keeping a recording small: long strings and long arrays inside JSON bodies are cut (arrays keep their first
 * elements, which is what the conformance check compares shapes by), long texts are cut, and every cut is listed
 * as a JSON pointer with what it was, so a reader of the fixture knows what is missing.
 */
import {
  MAX_ARRAY_ITEMS,
  MAX_STRING_CHARS,
  MAX_TEXT_CHARS,
  type RecordedBody
} from './recording-format'

/** A JSON value with strings and arrays bounded; cuts are pushed to `trimmed` as `pointer: what`. */
export function trimJson(value: unknown, trimmed: string[], pointer = ''): unknown {
  if (typeof value === 'string') {
    if (value.length <= MAX_STRING_CHARS) return value
    trimmed.push(`${pointer || '/'}: string of ${value.length} chars cut to ${MAX_STRING_CHARS}`)
    return value.slice(0, MAX_STRING_CHARS)
  }
  if (Array.isArray(value)) {
    if (value.length > MAX_ARRAY_ITEMS)
      trimmed.push(`${pointer || '/'}: array of ${value.length} cut to ${MAX_ARRAY_ITEMS}`)
    return value
      .slice(0, MAX_ARRAY_ITEMS)
      .map((item, index) => trimJson(item, trimmed, `${pointer}/${index}`))
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      out[key] = trimJson(
        item,
        trimmed,
        `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`
      )
    }
    return out
  }
  return value
}

/** A body's text as recorded: JSON parsed and trimmed where it parses, else text cut at `MAX_TEXT_CHARS`. */
export function toRecordedBody(
  text: string,
  contentType: string | null,
  trimmed: string[]
): RecordedBody {
  if (text === '') return null
  if (/json/i.test(contentType ?? '') || /^\s*[{[]/.test(text)) {
    try {
      return { json: trimJson(JSON.parse(text), trimmed) }
    } catch {
      // Not JSON after all: kept as text.
    }
  }
  return { text: trimText(text, trimmed) }
}

export function trimText(text: string, trimmed: string[], pointer = '/'): string {
  if (text.length <= MAX_TEXT_CHARS) return text
  trimmed.push(`${pointer}: text of ${text.length} chars cut to ${MAX_TEXT_CHARS}`)
  return text.slice(0, MAX_TEXT_CHARS)
}

/** A frame (WS message or SSE data) of JSON, trimmed and re-serialised only when it is too long. */
export function trimFrame(text: string): string {
  if (text.length <= MAX_TEXT_CHARS) return text
  try {
    return JSON.stringify(trimJson(JSON.parse(text), []))
  } catch {
    return text.slice(0, MAX_TEXT_CHARS)
  }
}
