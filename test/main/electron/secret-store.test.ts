/**
 * The password store over safeStorage's asynchronous API (Electron 45), with `electron` replaced by a safeStorage
 * that encrypts for real (AES) and can rotate its key: passwords are decrypted once at start, re-encrypted when the
 * OS rotated the key, written in the background in order, registered with the log redactor, and never written in
 * clear when encryption is unavailable.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createSecretRegistry } from '../../../src/main/core/log-redaction'
import { silentLogger } from '../../../src/main/core/logger'

const keyring = vi.hoisted(() => ({ available: true, version: 1, keys: new Map<number, Buffer>() }))

vi.mock('electron', () => {
  const keyFor = (version: number) => {
    if (!keyring.keys.has(version)) keyring.keys.set(version, randomBytes(32))
    return keyring.keys.get(version)!
  }
  return {
    safeStorage: {
      isAsyncEncryptionAvailable: async () => keyring.available,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      async encryptStringAsync(plain: string) {
        const iv = randomBytes(16)
        const cipher = createCipheriv('aes-256-cbc', keyFor(keyring.version), iv)
        const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
        return Buffer.concat([Buffer.from([keyring.version]), iv, body])
      },
      async decryptStringAsync(encrypted: Buffer) {
        const version = encrypted[0]!
        const decipher = createDecipheriv('aes-256-cbc', keyFor(version), encrypted.subarray(1, 17))
        const result = Buffer.concat([decipher.update(encrypted.subarray(17)), decipher.final()])
        return { result: result.toString('utf8'), shouldReEncrypt: version !== keyring.version }
      }
    }
  }
})

const { createSafeSecretStore, secretsBackend } =
  await import('../../../src/main/electron/secret-store')

describe('safe secret store (async safeStorage)', () => {
  let dir: string
  let file: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dinky-secrets-'))
    file = join(dir, 'secrets.json')
    keyring.available = true
    keyring.version = 1
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('keeps passwords encrypted on disk and reads them back in the next run', async () => {
    const first = await createSafeSecretStore(file, silentLogger, createSecretRegistry())
    first.setPassword('prod', 'dinky123!@#')
    first.setPassword('staging', 'other-secret')
    first.setPassword('staging', null)
    await first.flush()
    const onDisk = readFileSync(file, 'utf8')
    expect(Object.keys(JSON.parse(onDisk) as object)).toEqual(['prod'])
    expect(onDisk).not.toContain('dinky123')

    const known = createSecretRegistry()
    const second = await createSafeSecretStore(file, silentLogger, known)
    expect(second.password('prod')).toBe('dinky123!@#')
    expect(second.has('staging')).toBe(false)
    expect([...known.values()]).toEqual(['dinky123!@#'])
    expect(secretsBackend()).toBe('os')
  })

  it('re-encrypts with the new key when the OS rotated it', async () => {
    const first = await createSafeSecretStore(file, silentLogger, createSecretRegistry())
    first.setPassword('prod', 'dinky123!@#')
    await first.flush()
    const before = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>
    expect(Buffer.from(before['prod']!, 'base64')[0]).toBe(1)

    keyring.version = 2
    const second = await createSafeSecretStore(file, silentLogger, createSecretRegistry())
    expect(second.password('prod')).toBe('dinky123!@#')
    const after = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>
    expect(Buffer.from(after['prod']!, 'base64')[0]).toBe(2)
  })

  it('keeps a password in memory only when encryption is unavailable', async () => {
    keyring.available = false
    const store = await createSafeSecretStore(file, silentLogger, createSecretRegistry())
    store.setPassword('prod', 'dinky123!@#')
    await store.flush()
    expect(store.password('prod')).toBe('dinky123!@#')
    expect(existsSync(file) ? readFileSync(file, 'utf8') : '{}').toBe('{}')
    expect(secretsBackend()).toBe('none')
  })
})
