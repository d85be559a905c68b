/**
 * Which CAs the app trusts: Node's bundled Mozilla store plus the operating system's store, where Node can read it.
 * A company CA installed in Windows', macOS' or the distro's store is trusted as the browser would; Node's own
 * `rootCertificates` alone miss it. `tls.getCACertificates('system')` exists from Node 22.15/23.5 and
 * `tls.setDefaultCACertificates` from Node 22.19/24.5: Electron 45 bundles Node 24 (Electron 40 moved to 24.11, 44
 * ships 24.18), so the app has both; the Node 20 of our CLI and tests has neither and keeps the bundled store. The
 * default makes the union apply to every connection, the global fetch included; connections that pass their own `ca`
 * (an extra CA per server) get the union from here.
 */
import * as tls from 'node:tls'

type CaType = 'default' | 'system' | 'bundled' | 'extra'

/** The part of `node:tls` this uses; tests pass their own. */
export interface CaSource {
  rootCertificates: readonly string[]
  getCACertificates?: (type?: CaType) => string[]
  setDefaultCACertificates?: (certs: string[]) => void
}

const nodeTls = tls as unknown as CaSource

/** The bundled store plus the OS store (each certificate once). Never throws: the bundled store is the floor. */
export function trustedCaCertificates(source: CaSource = nodeTls): string[] {
  const bundled = safely(() => source.getCACertificates?.('bundled')) ?? [
    ...source.rootCertificates
  ]
  const system = safely(() => source.getCACertificates?.('system')) ?? []
  return [...new Set([...bundled, ...system])]
}

/**
 * Makes the bundled + OS store the default trust for every TLS connection of this process. Returns what it did, for
 * the start-up log line.
 */
export function installSystemCaTrust(
  source: CaSource = nodeTls
): { installed: true; certificates: number } | { installed: false; why: string } {
  if (!source.getCACertificates)
    return { installed: false, why: 'this Node cannot read the OS store' }
  if (!source.setDefaultCACertificates) {
    return { installed: false, why: 'this Node cannot set the default CAs' }
  }
  const certificates = trustedCaCertificates(source)
  try {
    source.setDefaultCACertificates(certificates)
    return { installed: true, certificates: certificates.length }
  } catch (error) {
    return { installed: false, why: String(error) }
  }
}

function safely<T>(read: () => T | undefined): T | undefined {
  try {
    return read()
  } catch {
    return undefined
  }
}
