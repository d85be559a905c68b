/**
 * `dinky-console fleet`: one core session per `--server` (the same sessions as `watch`, with its connection flags
 * applied to each), summarized by `summarizeServer` and printed as one `fleet` line (or table) per change, worst
 * server first. Changes are coalesced: a burst of updates prints one picture, and a poll that changed nothing prints
 * nothing. With `--cache-dir` the cached picture is printed first, before any answer, marked stale. A server that
 * cannot be reached (or refuses the login) stays in the picture with its state. Resolves to 0 after SIGINT/SIGTERM.
 */
import { summarizeServer } from '../../shared/fleet'
import type { ServerProfile } from '../../shared/profiles'
import type { SessionUpdate } from '../../shared/session'
import type { SessionHandle } from '../core/session/session-api'
import type { FleetOptions } from './fleet-args'
import { fleetChangeKey, fleetJsonLine, fleetTextLines, type FleetEntry } from './fleet-lines'
import { cliSessions, watchProfile, type WatchIo } from './watch-command'

/** How long a burst of updates (a poll's jobs, clusters and states) is gathered into one picture. */
export const FLEET_COALESCE_MS = 250

/** The updates that can change a server's summary; JVM samples, logs and health lines cannot. */
const SUMMARY_UPDATES: ReadonlySet<SessionUpdate['type']> = new Set([
  'state',
  'jobs',
  'clusters',
  'user'
])

interface Watched {
  server: string
  profile: ServerProfile
  session: SessionHandle
}

function entryOf({ server, profile, session }: Watched): FleetEntry {
  const snapshot = session.snapshot()
  const summary = summarizeServer({
    profile,
    streams: Object.values(snapshot.streams),
    jobs: snapshot.jobs,
    clusters: snapshot.clusters,
    version: snapshot.serverVersion,
    transport: snapshot.transport,
    alertsFiring: 0
  })
  return { server, summary }
}

export async function runFleet(options: FleetOptions, io: WatchIo): Promise<number> {
  const { cache, manager } = cliSessions(options, io)

  const watched: Watched[] = []
  for (const server of options.servers) {
    const profile = watchProfile({ ...options, server })
    const session = await manager.open(profile)
    // The session keeps its state (auth-expired) for the picture; the fleet goes on watching the others.
    session.loggedIn.catch(() => io.logger.warn('login refused', { server }))
    watched.push({ server, profile, session })
  }

  let printed = ''
  const print = () => {
    const entries = watched.map(entryOf)
    const key = fleetChangeKey(entries)
    if (key === printed) return
    printed = key
    const now = io.now()
    if (options.json) io.out(JSON.stringify(fleetJsonLine(entries, now)))
    else for (const line of fleetTextLines(entries, now)) io.out(line)
  }
  // Before any answer: the cached figures (stale) with --cache-dir, otherwise every server connecting.
  print()

  let pending: ReturnType<typeof setTimeout> | null = null
  const schedule = () => {
    pending ??= setTimeout(() => {
      pending = null
      print()
    }, FLEET_COALESCE_MS)
  }
  const unsubscribes = watched.map(({ session }) =>
    session.subscribe((envelope) => {
      if (SUMMARY_UPDATES.has(envelope.update.type)) schedule()
    })
  )

  await io.stopSignal
  if (pending) clearTimeout(pending)
  for (const unsubscribe of unsubscribes) unsubscribe()
  await manager.closeAll()
  await cache.flush()
  await cache.close()
  return 0
}
