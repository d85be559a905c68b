/**
 * Passwords kept with Electron's safeStorage (the OS keychain, libsecret or DPAPI), in their own file beside the cache
 * and never inside it. Without encryption available they stay in memory for this run only, never on disk in clear.
 *
 * Uses safeStorage's asynchronous API (Electron 45: `isAsyncEncryptionAvailable`, `encryptStringAsync`,
 * `decryptStringAsync`; the synchronous calls are deprecated and go in Electron 46): every stored password is
 * decrypted once at start-up (re-encrypted when the OS rotated the key), kept in memory for the run, and written back
 * encrypted in the background. Each password the store holds is registered with the log redactor.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { safeStorage } from 'electron'
import type { SecretStore } from '../ipc/request-handlers'
import type { Logger } from '../core/ports'
import type { SecretRegistry } from '../core/log-redaction'
import type { AppInfo } from '../../shared/ipc/contract'

interface AsyncSafeStorage {
  available(): Promise<boolean>
  encrypt(plain: string): Promise<Buffer>
  decrypt(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>
}

/** The async API where this Electron has it, else the synchronous one behind the same promises. */
function asyncSafeStorage(): AsyncSafeStorage {
  if (typeof safeStorage.encryptStringAsync === 'function') {
    return {
      available: () => safeStorage.isAsyncEncryptionAvailable(),
      encrypt: (plain) => safeStorage.encryptStringAsync(plain),
      decrypt: (encrypted) => safeStorage.decryptStringAsync(encrypted)
    }
  }
  return {
    available: async () => safeStorage.isEncryptionAvailable(),
    encrypt: async (plain) => safeStorage.encryptString(plain),
    decrypt: async (encrypted) => ({
      result: safeStorage.decryptString(encrypted),
      shouldReEncrypt: false
    })
  }
}

let backend: AppInfo['secretsBackend'] = 'none'

/** Where passwords live, as found when the store opened (shown in Settings). */
export function secretsBackend(): AppInfo['secretsBackend'] {
  return backend
}

function backendFor(available: boolean): AppInfo['secretsBackend'] {
  if (!available) return 'none'
  if (process.platform === 'linux') {
    const selected = safeStorage.getSelectedStorageBackend?.()
    if (selected === 'basic_text' || selected === 'unknown') return 'basic_text'
  }
  return 'os'
}

function readEncrypted(file: string, logger: Logger): Map<string, string> {
  const encrypted = new Map<string, string>()
  if (!existsSync(file)) return encrypted
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>
    for (const [id, value] of Object.entries(parsed)) {
      if (typeof value === 'string') encrypted.set(id, value)
    }
  } catch {
    logger.warn('the secrets file is unreadable; stored passwords are forgotten', { file })
  }
  return encrypted
}

export async function createSafeSecretStore(
  file: string,
  logger: Logger,
  known: SecretRegistry
): Promise<SecretStore & { flush(): Promise<void> }> {
  const storage = asyncSafeStorage()
  const available = await storage.available().catch(() => false)
  backend = backendFor(available)
  const encrypted = readEncrypted(file, logger)
  const plain = new Map<string, string>()

  const persist = () => {
    const temp = `${file}.tmp-${process.pid}`
    writeFileSync(temp, JSON.stringify(Object.fromEntries(encrypted)), { mode: 0o600 })
    renameSync(temp, file)
  }

  let rotated = false
  for (const [id, value] of encrypted) {
    if (!available) break
    try {
      const { result, shouldReEncrypt } = await storage.decrypt(Buffer.from(value, 'base64'))
      plain.set(id, result)
      known.add(result)
      if (shouldReEncrypt) {
        encrypted.set(id, (await storage.encrypt(result)).toString('base64'))
        rotated = true
      }
    } catch {
      logger.warn('a stored password could not be decrypted', { profileId: id })
    }
  }
  if (rotated) persist()

  // Writes happen in the order passwords were set, one at a time.
  let writes: Promise<void> = Promise.resolve()
  const write = (profileId: string, password: string | null) => {
    writes = writes.then(async () => {
      try {
        if (password !== null && available) {
          encrypted.set(profileId, (await storage.encrypt(password)).toString('base64'))
        } else {
          encrypted.delete(profileId)
        }
        persist()
      } catch (error) {
        logger.warn('a password could not be stored', { profileId, why: String(error) })
      }
    })
  }

  return {
    password: (profileId) => plain.get(profileId) ?? null,
    setPassword(profileId, password) {
      if (password === null) plain.delete(profileId)
      else {
        plain.set(profileId, password)
        known.add(password)
      }
      write(profileId, password)
    },
    has: (profileId) => plain.has(profileId) || encrypted.has(profileId),
    flush: () => writes
  }
}
