/**
 * A period in words for the timeline ("10:02–13:40"): the clock for both ends, with the date where an end falls
 * on another day than the period's start (a console closed over a weekend), so no span reads shorter than it was.
 */
import { formatClock, formatDateTime } from '../../format/units'

export function formatSpan(from: number, to: number): { from: string; to: string } {
  return { from: formatClock(from), to: sameDay(from, to) ? formatClock(to) : formatDay(to) }
}

/** `yyyy-MM-dd HH:MM`: a date and a clock, no seconds. */
export function formatDay(epochMs: number): string {
  return formatDateTime(epochMs).slice(0, 16)
}

function sameDay(a: number, b: number): boolean {
  return new Date(a).toDateString() === new Date(b).toDateString()
}
