/**
 * Which rules apply to a server and to each of its jobs, decided once per rules version (and job name) rather than
 * per poll: the scope decision is cached in the track's slots. A slot whose rule is gone or no longer applies takes
 * its open episode with it, ended quietly (the operator changed the rules; nothing happened to the job).
 */
import type { JobTrack, RuleSlot, ServerTrack } from './alert-tracks'
import { rulesForServer, type CompiledRules } from './compiled-rules'
import type { Episode } from './episode-book'
import { SampleWindow } from './event-window'

export interface SlotContext {
  compiled(): CompiledRules
  version(): number
  /** Ends an episode whose rule no longer applies, without announcing it. */
  endQuietly(episode: Episode, now: number): void
}

export function serverSlots(server: ServerTrack, context: SlotContext, now: number): RuleSlot[] {
  if (server.rulesVersion === context.version()) return server.staleSlots
  const rules = rulesForServer(context.compiled(), server.names)
  server.jobRules = rules.filter((r) => r.rule.kind !== 'server-stale')
  const old = server.staleSlots
  server.staleSlots = rules
    .filter((r) => r.rule.kind === 'server-stale')
    .map((rule) => old.find((slot) => slot.rule === rule) ?? { rule, episode: null, samples: null })
  endGone(old, server.staleSlots, context, now)
  server.rulesVersion = context.version()
  return server.staleSlots
}

export function jobSlots(job: JobTrack, context: SlotContext, now: number): RuleSlot[] {
  if (job.rulesVersion === context.version()) return job.slots
  serverSlots(job.server, context, now)
  const old = job.slots
  job.slots = job.server.jobRules
    .filter((r) => r.scope.anyJob || r.scope.job(job.name))
    .map((rule) => {
      const kept = old.find((slot) => slot.rule === rule)
      if (kept) return kept
      const samples = rule.rule.kind === 'metric' ? new SampleWindow(rule.rule.forSamples) : null
      return { rule, episode: null, samples }
    })
  endGone(old, job.slots, context, now)
  job.rulesVersion = context.version()
  return job.slots
}

function endGone(old: RuleSlot[], current: RuleSlot[], context: SlotContext, now: number) {
  for (const slot of old)
    if (slot.episode && !current.includes(slot)) context.endQuietly(slot.episode, now)
}
