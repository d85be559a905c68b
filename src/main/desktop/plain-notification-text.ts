/**
 * Server text made plain for a desktop notification. A job's name is the server's: control characters, line breaks
 * and bidirectional overrides would reshape or reorder what the notification shows, and some Linux notification
 * daemons read the body as markup. So: controls and separators become spaces, bidi controls are dropped, markup's
 * three special characters are replaced by look-alikes that no daemon interprets, and the length is bounded.
 */

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g
const MARKUP: Record<string, string> = { '<': '‹', '>': '›', '&': '＆' }

/** Longest server text put in a notification; the rest is elided. */
export const MAX_NOTIFICATION_TEXT = 120

/** Why look-alikes rather than entities: a daemon that shows plain text would print `&lt;` literally. */
export function plainNotificationText(text: string, max = MAX_NOTIFICATION_TEXT): string {
  const plain = text
    .replace(CONTROLS, ' ')
    .replace(BIDI, '')
    .replace(/[<>&]/g, (char) => MARKUP[char]!)
    .trim()
  const chars = Array.from(plain)
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : plain
}
