/**
 * The fleet overview's reading of the store: one card model per server, made by the shared `summarizeServer` and
 * memoized per server on the parts it is made of. Why: with 2,000 jobs on each server a jobs push re-counts only its
 * own server, every other card gets the very same object back (so it does not re-render), and the list re-renders
 * only when the worst-first order itself changes (its selector returns a string).
 */
import { worstState, type ConnectionState } from '../../../../shared/connection'
import {
  compareFleetServers,
  summarizeServer,
  type FleetServerSummary
} from '../../../../shared/fleet'
import type { ConsoleState } from '../../store/console-store'

export interface FleetCardModel {
  summary: FleetServerSummary
  /** The worst stream state itself (attempt, reason), which the summary tells only by kind. */
  connection: ConnectionState | undefined
  /** The job list is the copy read from the cache file at start: nothing was read from the server in this run. */
  cached: boolean
  demo: boolean
}

export interface FleetSummaries {
  /** The card model of one server: the same object for as long as nothing it is made of changed. */
  server(state: ConsoleState, profileId: string): FleetCardModel | undefined
  /** The profile ids, worst first, joined by newlines: a primitive, so equal orders compare equal. */
  order(state: ConsoleState): string
}

interface Memo {
  inputs: readonly unknown[]
  model: FleetCardModel
}

/** The parts of the store one server's card is made of; a change in any other part leaves the card alone. */
function inputsOf(state: ConsoleState, profileId: string): readonly unknown[] | undefined {
  const profile = state.profiles.find((p) => p.id === profileId)
  if (!profile) return undefined
  const facts = state.servers[profileId]
  let firing = 0
  for (const alert of state.activeAlerts) {
    if (alert.profileId === profileId && alert.state === 'firing') firing += 1
  }
  return [
    ...[profile.name, profile.url, profile.readOnly === true, profile.demo],
    ...[state.streams[profileId], state.jobs[profileId], state.clusters[profileId]],
    ...[facts?.version ?? null, facts?.transport ?? null, firing]
  ]
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, index) => Object.is(value, b[index]))
}

function modelOf(state: ConsoleState, profileId: string): FleetCardModel {
  const profile = state.profiles.find((p) => p.id === profileId)!
  const streams = Object.values(state.streams[profileId] ?? {})
  const jobs = state.jobs[profileId] ?? null
  const facts = state.servers[profileId]
  const alertsFiring = state.activeAlerts.filter(
    (alert) => alert.profileId === profileId && alert.state === 'firing'
  ).length
  return {
    summary: summarizeServer({
      profile,
      streams,
      jobs,
      clusters: state.clusters[profileId] ?? null,
      version: facts?.version ?? null,
      transport: facts?.transport ?? null,
      alertsFiring
    }),
    connection: worstState(streams),
    // Main marks a part stale with a reason when its endpoint failed in a live poll; without one it is the cache.
    cached: jobs !== null && jobs.stale && jobs.staleReason === undefined,
    demo: profile.demo
  }
}

/** One memo per fleet overview (made when it mounts), shared by the list and its cards. */
export function createFleetSummaries(): FleetSummaries {
  const memos = new Map<string, Memo>()
  const server = (state: ConsoleState, profileId: string): FleetCardModel | undefined => {
    const inputs = inputsOf(state, profileId)
    if (!inputs) {
      memos.delete(profileId)
      return undefined
    }
    const memo = memos.get(profileId)
    if (memo && sameInputs(memo.inputs, inputs)) return memo.model
    const model = modelOf(state, profileId)
    memos.set(profileId, { inputs, model })
    return model
  }
  return {
    server,
    order(state) {
      const summaries: FleetServerSummary[] = []
      for (const profile of state.profiles) {
        const model = server(state, profile.id)
        if (model) summaries.push(model.summary)
      }
      return summaries
        .sort(compareFleetServers)
        .map((summary) => summary.profileId)
        .join('\n')
    }
  }
}
