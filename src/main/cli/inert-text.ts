/**
 * Server text made inert for a terminal. Job names, console lines and error messages come from the server, and a
 * terminal obeys what it prints: `ESC[2J` clears the screen, `ESC]0;…BEL` retitles the window, OSC 8 hides a link
 * behind text, a bare `\r` overwrites the start of the line and an embedded `\n` forges a line of our own (a fake
 * `[topics] live`). Every control character is shown escaped instead (`\e[2J`, `\r`, `\n`, `\a`, `\x9b`), and the
 * bidirectional overrides that reorder what is shown (`\u{202e}`) too. Printable text, CJK included, is untouched.
 */

/** C0 controls, DEL, C1 controls (0x9b is a one-byte CSI), line/paragraph separators, bidi embeddings/isolates. */
/* eslint-disable no-control-regex -- matching control characters is the point */
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g
/* eslint-enable no-control-regex */

const NAMED: Record<string, string> = {
  '\u001b': '\\e',
  '\r': '\\r',
  '\n': '\\n',
  '\t': '\\t',
  '\u0007': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\v': '\\v',
  '\u0000': '\\0'
}

function escape(char: string): string {
  const named = NAMED[char]
  if (named) return named
  const code = char.charCodeAt(0)
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`
}

/** `text` with every character a terminal would act on shown as an escape; one line, whatever it held. */
export function inertTerminalText(text: string): string {
  return text.replace(UNSAFE, escape)
}
