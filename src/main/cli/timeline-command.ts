/**
 * `dinky-console timeline --server URL [--cache-dir DIR] [--job ID] [--since ISO] [--json]`: prints a server's
 * cached timeline (issue 22) without connecting — oldest first, gaps included, as `{"type":"event",…}` lines or as
 * readable text. The cache is only read: the app may be running on the same folder. The server's timeline is found
 * under the id `watch` gives it (the URL's origin) or under any app profile of that origin in `settings.json`.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { TimelineEvent } from '../../shared/timeline'
import { defaultUserDataDir, isMissing, profileDir } from '../core/cache/cache-paths'
import { parseSettingsDocument } from '../core/cache/settings-document'
import type { Logger } from '../core/ports'
import { timelineJsonObject } from '../core/timeline/timeline-export'
import {
  eventEnd,
  parseTimelineDocument,
  TIMELINE_MODULE
} from '../core/timeline/timeline-document'
import { eachFlag, UsageError } from './cli-args'
import { hasUrlCredentials, URL_CREDENTIALS_MESSAGE } from '../../shared/server-url'
import { timelineTextLine } from './timeline-lines'

export interface TimelineOptions {
  server: string
  cacheDir: string | null
  jobId: number | null
  since: number | null
  json: boolean
}

export interface TimelineIo {
  out(line: string): void
  logger: Logger
  env: Record<string, string | undefined>
}

/** Far above any `maxEvents` setting: a file larger than this was not written by the console. */
const MAX_READ_EVENTS = 100_000

export function parseTimelineArgs(args: readonly string[]): TimelineOptions {
  const options: TimelineOptions = {
    server: '',
    cacheDir: null,
    jobId: null,
    since: null,
    json: false
  }
  eachFlag('timeline', args, (flag, value) => {
    if (flag === '--server') options.server = value()
    else if (flag === '--cache-dir') options.cacheDir = value()
    else if (flag === '--job') options.jobId = jobId(value())
    else if (flag === '--since') options.since = since(value())
    else if (flag === '--json') options.json = true
    else return false
    return true
  })
  if (!options.server) throw new UsageError('timeline needs --server URL')
  if (options.server !== 'demo' && !/^https?:\/\/[^/]+/i.test(options.server))
    throw new UsageError('--server wants an http:// or https:// URL')
  if (hasUrlCredentials(options.server))
    throw new UsageError(`--server: ${URL_CREDENTIALS_MESSAGE}`)
  try {
    if (options.server !== 'demo') new URL(options.server)
  } catch {
    throw new UsageError('--server wants an http:// or https:// URL')
  }
  return options
}

function jobId(text: string): number {
  const id = Number(text)
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(id))
    throw new UsageError('--job wants a job instance id (a whole number)')
  return id
}

/** An ISO date or date-time (`2026-12-24`, `2026-12-24T08:00:00Z`); without a zone it is local, a date alone too. */
function since(text: string): number {
  const iso = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(
    text
  )
  const at = iso ? Date.parse(text.length === 10 ? `${text}T00:00:00` : text) : NaN
  if (!Number.isFinite(at))
    throw new UsageError(
      `--since wants an ISO date or time such as 2026-12-24T08:00:00Z, not ${text}`
    )
  return at
}

/** The profile ids a server's timeline may be kept under: `watch`'s (the origin), then the app's profiles. */
function profileIds(dir: string, server: string, logger: Logger): string[] {
  if (server === 'demo') return ['demo']
  const origin = new URL(server).origin
  const ids = [origin]
  try {
    const raw: unknown = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))
    for (const profile of parseSettingsDocument(raw).value.profiles) {
      let profileOrigin: string | null = null
      try {
        profileOrigin = new URL(profile.url).origin
      } catch {
        continue
      }
      if (profileOrigin === origin && !ids.includes(profile.id)) ids.push(profile.id)
    }
  } catch (error) {
    if (!isMissing(error))
      logger.warn('settings.json not readable; looking by URL only', { why: String(error) })
  }
  return ids
}

function readTimeline(dir: string, profileId: string, logger: Logger): TimelineEvent[] | null {
  const path = join(profileDir(dir, profileId), `${TIMELINE_MODULE}.json`)
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    if (!isMissing(error)) logger.warn('timeline cache not readable', { path, why: String(error) })
    return null
  }
  const { document, problem } = parseTimelineDocument(raw, MAX_READ_EVENTS)
  if (problem) logger.warn('timeline cache read back with problems', { path, problem })
  return document.events
}

/** Prints the cached timeline and returns the exit code, 0: an absent or empty timeline is no error (text says so). */
export function runTimelineCommand(options: TimelineOptions, io: TimelineIo): number {
  const dir = options.cacheDir ?? defaultUserDataDir(io.env)
  let events: TimelineEvent[] = []
  for (const id of profileIds(dir, options.server, io.logger)) {
    const found = readTimeline(dir, id, io.logger)
    if (found) {
      events = found
      break
    }
  }
  const shown = events.filter(
    (event) =>
      (options.jobId === null || event.jobId === options.jobId || event.kind === 'gap') &&
      (options.since === null || eventEnd(event) >= options.since)
  )
  if (!options.json && shown.length === 0) io.out('No timeline events cached for this server.')
  for (const event of shown)
    io.out(options.json ? JSON.stringify(timelineJsonObject(event)) : timelineTextLine(event))
  return 0
}
