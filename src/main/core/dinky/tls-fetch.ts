/**
 * A fetch that trusts the system CAs plus one extra CA for a single server. Node's global fetch cannot take a CA,
 * so this uses undici's own fetch with an Agent whose `connect.ca` is the bundled roots plus the extra PEM.
 * Certificate verification stays on: there is deliberately no option to turn it off.
 */
import { rootCertificates } from 'node:tls'
import { Agent, fetch as undiciFetch } from 'undici'
import type { FetchLike } from '../ports'

export interface TlsFetch {
  fetch: FetchLike
  /** Closes the agent's pooled sockets. */
  close(): Promise<void>
}

/** Why: self-hosted Dinky often sits behind a company CA that is not in the system store. */
export function createTlsFetch(extraCaPem: string): TlsFetch {
  const agent = new Agent({ connect: { ca: [...rootCertificates, extraCaPem] } })
  const fetchWithCa = ((input: Parameters<FetchLike>[0], init?: Parameters<FetchLike>[1]) =>
    undiciFetch(
      input as never,
      { redirect: 'manual', ...(init as object), dispatcher: agent } as never
    )) as unknown as FetchLike
  return { fetch: fetchWithCa, close: () => agent.close() }
}
