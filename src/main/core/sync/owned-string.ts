/**
 * Strings that own their characters. V8 represents a `slice`/`substring`/`split` result of 13 or more characters as
 * a view into its parent, so a short line cut out of a multi-megabyte log keeps that whole log alive for as long as
 * the line lives. Console lines and cursor probes outlive their event (ring buffers, the cache, the next event), so
 * whatever is kept of an event's log goes through `ownedString` first.
 */

/**
 * A copy of `text` that references no parent string. Why this form: prepending one character makes a rope, and
 * slicing a rope flattens it into a fresh string first, so the result is a view of that fresh copy (one character
 * longer) rather than of `text`'s parent. Measured under `--expose-gc` (test/main/core/sync/owned-string.test.ts):
 * about 0.1 µs for a 130-character line; a UTF-8 round trip through a Buffer detaches too but costs 4–9 times as
 * much and would replace lone surrogates, and `[text, ''].join('')` returns the pinning view itself.
 */
export function ownedString(text: string): string {
  return (' ' + text).slice(1)
}
