/**
 * A fetch that trusts the system CAs plus one extra CA for a single server. Node's global fetch cannot take a CA,
 * so this uses undici's own fetch with an Agent whose `connect.ca` is the bundled and OS roots plus the extra PEM.
 * Certificate verification stays on: there is deliberately no option to turn it off.
 */
import { Agent, fetch as undiciFetch } from 'undici'
import type { FetchLike } from '../ports'
import { trustedCaCertificates, type CaSource } from './trusted-cas'

export interface TlsFetch {
  fetch: FetchLike
  /** Closes the agent's pooled sockets. */
  close(): Promise<void>
}

/** Why: self-hosted Dinky often sits behind a company CA that is not in the system store. */
export function createTlsFetch(extraCaPem: string | null, source?: CaSource): TlsFetch {
  const ca = trustedCaCertificates(source)
  const agent = new Agent({ connect: { ca: extraCaPem ? [...ca, extraCaPem] : ca } })
  const fetchWithCa = ((input: Parameters<FetchLike>[0], init?: Parameters<FetchLike>[1]) =>
    undiciFetch(
      input as never,
      { redirect: 'manual', ...(init as object), dispatcher: agent } as never
    )) as unknown as FetchLike
  return { fetch: fetchWithCa, close: () => agent.close() }
}
