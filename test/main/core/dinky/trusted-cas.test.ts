/**
 * Trust over real loopback HTTPS with a CA generated here by openssl: the per-server extra CA is trusted, a CA that
 * only the OS store holds is trusted once the OS store is read (Node's getCACertificates('system'), given here as a
 * source because the test cannot change this machine's store), and nothing else is.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { rootCertificates } from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTlsFetch } from '../../../../src/main/core/dinky/tls-fetch'
import {
  installSystemCaTrust,
  trustedCaCertificates,
  type CaSource
} from '../../../../src/main/core/dinky/trusted-cas'

let dir: string
let server: Server
let url: string
let caPem: string
let otherCaPem: string

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' })
}

/** A CA, and a server certificate for 127.0.0.1 signed by it. */
function makeCa(name: string): void {
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    `${name}-ca.key`,
    '-out',
    `${name}-ca.pem`,
    '-days',
    '2',
    '-subj',
    `/CN=${name} Test Root CA`
  )
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dinky-tls-'))
  makeCa('company')
  makeCa('other')
  openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
    '-subj',
    '/CN=127.0.0.1'
  )
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n')
  openssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'company-ca.pem',
    '-CAkey',
    'company-ca.key',
    '-CAcreateserial',
    '-out',
    'server.pem',
    '-days',
    '2',
    '-extfile',
    'san.ext'
  )
  caPem = readFileSync(join(dir, 'company-ca.pem'), 'utf8')
  otherCaPem = readFileSync(join(dir, 'other-ca.pem'), 'utf8')
  server = createServer(
    { key: readFileSync(join(dir, 'server.key')), cert: readFileSync(join(dir, 'server.pem')) },
    (_req, res) => {
      res.setHeader('content-type', 'application/json')
      res.end('{"code":0,"msg":"ok"}')
    }
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `https://127.0.0.1:${(server.address() as { port: number }).port}/api/version`
}, 60_000)

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
  rmSync(dir, { recursive: true, force: true })
})

/** What a newer Node's `tls` would show if the company CA were in the OS store. */
const osStoreWith = (...system: string[]): CaSource => ({
  rootCertificates,
  getCACertificates: (type) => (type === 'system' ? system : [...rootCertificates])
})

async function status(fetchLike: ReturnType<typeof createTlsFetch>): Promise<number | string> {
  try {
    return (await fetchLike.fetch(url)).status
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause
    return cause?.code ?? String(error)
  } finally {
    await fetchLike.close()
  }
}

describe('certificate trust over loopback HTTPS', () => {
  it('refuses the server with only the bundled store', async () => {
    expect(await status(createTlsFetch(null, { rootCertificates }))).toBe(
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE'
    )
  })

  it('trusts the per-server extra CA', async () => {
    expect(await status(createTlsFetch(caPem, { rootCertificates }))).toBe(200)
  })

  it('trusts a CA that is in the OS store', async () => {
    expect(await status(createTlsFetch(null, osStoreWith(caPem)))).toBe(200)
  })

  it('still refuses when neither the OS store nor the extra CA has the issuer', async () => {
    expect(await status(createTlsFetch(otherCaPem, osStoreWith(otherCaPem)))).toBe(
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE'
    )
  })
})

describe('trustedCaCertificates', () => {
  it('is the bundled store where Node cannot read the OS store (Node 20)', () => {
    expect(trustedCaCertificates({ rootCertificates })).toEqual([...rootCertificates])
  })

  it('adds the OS store, each certificate once', () => {
    const both = trustedCaCertificates(osStoreWith(caPem, rootCertificates[0]!))
    expect(both).toHaveLength(rootCertificates.length + 1)
    expect(both.at(-1)).toBe(caPem)
  })

  it('falls back to the bundled store when reading the OS store throws', () => {
    const broken: CaSource = {
      rootCertificates,
      getCACertificates: (type) => {
        if (type === 'system') throw new Error('keychain locked')
        return [...rootCertificates]
      }
    }
    expect(trustedCaCertificates(broken)).toEqual([...rootCertificates])
  })

  it('installs the union as the default where Node allows it, and says why not elsewhere', () => {
    const installed: string[][] = []
    const modern: CaSource = {
      ...osStoreWith(caPem),
      setDefaultCACertificates: (c) => installed.push(c)
    }
    expect(installSystemCaTrust(modern)).toEqual({
      installed: true,
      certificates: rootCertificates.length + 1
    })
    expect(installed[0]).toContain(caPem)
    expect(installSystemCaTrust({ rootCertificates })).toEqual({
      installed: false,
      why: 'this Node cannot read the OS store'
    })
  })
})
