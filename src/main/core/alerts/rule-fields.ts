/**
 * Reads the fields of one rule or silence of an alert rules document, each check throwing an `AlertRulesError`
 * that names the rule (or silence) and the field. Plain JSON numbers only: `"5"` is not five minutes.
 */
import { AlertRulesError } from './alert-rules-error'

/** A week: the longest window or duration a rule may name. */
export const MAX_MINUTES = 7 * 24 * 60

const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export class FieldReader {
  constructor(
    private readonly raw: Record<string, unknown>,
    private readonly where: string
  ) {}

  error(message: string): AlertRulesError {
    return new AlertRulesError(`${this.where}: ${message}`)
  }

  get(field: string): unknown {
    return Object.prototype.hasOwnProperty.call(this.raw, field) ? this.raw[field] : undefined
  }

  onlyFields(allowed: readonly string[], what: string): void {
    for (const key of Object.keys(this.raw)) {
      if (!allowed.includes(key))
        throw this.error(`unknown field "${key.slice(0, 60)}" (${what} has ${allowed.join(', ')})`)
    }
  }

  /** `{ field: value }` when present, `{}` when absent, so optional fields stay absent in the result. */
  optional<K extends string, T>(field: K, read: () => T): { [P in K]?: T } {
    return this.get(field) === undefined ? {} : ({ [field]: read() } as { [P in K]?: T })
  }

  /** A non-empty one-line string of at most `max` characters (ids, names, globs). */
  name(field: string, max: number): string {
    const value = this.get(field)
    if (typeof value !== 'string' || value.trim().length === 0 || value.length > max)
      throw this.error(`${field} must be a non-empty string of at most ${max} characters`)
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(value)) throw this.error(`${field} must be one line of text`)
    return value
  }

  text(field: string, max: number): string {
    const value = this.get(field)
    if (typeof value !== 'string' || value.length > max)
      throw this.error(`${field} must be a string of at most ${max} characters`)
    return value
  }

  boolean(field: string): boolean {
    const value = this.get(field)
    if (typeof value !== 'boolean') throw this.error(`${field} must be true or false`)
    return value
  }

  oneOf<T extends string>(field: string, values: readonly T[]): T {
    const value = this.get(field)
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value))
      throw this.error(`${field} must be one of ${values.join(', ')}`)
    return value as T
  }

  finite(field: string): number {
    const value = this.get(field)
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw this.error(`${field} must be a number`)
    return value
  }

  positive(field: string, max: number): number {
    const value = this.get(field)
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
      throw this.error(`${field} must be a positive number`)
    if (value > max) throw this.error(`${field} must be at most ${max}`)
    return value
  }

  /** Minutes: positive, fractions allowed (`0.5` is 30 s), at most a week. */
  minutes(field: string): number {
    return this.positive(field, MAX_MINUTES)
  }

  minutesOrNull(field: string): number | null {
    return this.get(field) === null ? null : this.minutes(field)
  }

  /** A count of events or samples: a whole number from 1 to `max`. */
  count(field: string, max: number): number {
    const value = this.get(field)
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
      throw this.error(`${field} must be a positive whole number`)
    if (value > max) throw this.error(`${field} must be at most ${max}`)
    return value
  }

  /** ISO-8601: a date, or a date and time with `Z` or an offset (a zone-less time would depend on the machine). */
  isoTime(field: string): string {
    const value = this.get(field)
    if (typeof value !== 'string' || !ISO_TIME.test(value) || !Number.isFinite(Date.parse(value)))
      throw this.error(`${field} must be an ISO-8601 time with a zone, e.g. 2026-12-24T00:00:00Z`)
    return value
  }
}
