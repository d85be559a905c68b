/**
 * What a login learns of the server (its Dinky version and the transport chosen for it), kept in the profile's cache
 * (`server.json`): a server not reached in this run still tells its version beside its cached figures (the fleet
 * card, `fleet --json`). Anything but the expected shape reads as nothing known.
 */
import { z } from 'zod'
import type { ModuleCache } from '../cache/module-cache'

export const SERVER_FACTS_MODULE = 'server'

const serverFactsSchema = z.object({
  // Dinky 1.0.x–1.1.x may not tell its version at all (null); a version string is short.
  version: z.string().max(64).nullable(),
  transport: z.enum(['sse', 'ws'])
})
export type ServerFacts = z.infer<typeof serverFactsSchema>

export function readServerFacts(file: ModuleCache | null): ServerFacts | null {
  const parsed = serverFactsSchema.safeParse(file?.read())
  return parsed.success ? parsed.data : null
}

/** Writes the facts when they differ from what the file holds (a login that learns nothing new writes nothing). */
export function saveServerFacts(file: ModuleCache | null, facts: ServerFacts): void {
  const saved = readServerFacts(file)
  if (saved?.version === facts.version && saved.transport === facts.transport) return
  file?.write({ version: facts.version, transport: facts.transport })
}
