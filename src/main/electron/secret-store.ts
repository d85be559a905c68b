/**
 * Passwords kept with Electron's safeStorage (the OS keychain, libsecret or DPAPI), in their own file beside the cache
 * and never inside it. Without encryption available they stay in memory for this run only, never on disk in clear.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { safeStorage } from 'electron'
import type { SecretStore } from '../ipc/request-handlers'
import type { Logger } from '../core/ports'
import type { AppInfo } from '../../shared/ipc/contract'

export function secretsBackend(): AppInfo['secretsBackend'] {
  if (!safeStorage.isEncryptionAvailable()) return 'none'
  if (process.platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend?.()
    if (backend === 'basic_text' || backend === 'unknown') return 'basic_text'
  }
  return 'os'
}

export function createSafeSecretStore(file: string, logger: Logger): SecretStore {
  const encrypted = new Map<string, string>()
  const inMemory = new Map<string, string>()
  if (existsSync(file)) {
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>
      for (const [id, value] of Object.entries(parsed)) {
        if (typeof value === 'string') encrypted.set(id, value)
      }
    } catch {
      logger.warn('the secrets file is unreadable; stored passwords are forgotten', { file })
    }
  }

  const persist = () => {
    const temp = `${file}.tmp-${process.pid}`
    writeFileSync(temp, JSON.stringify(Object.fromEntries(encrypted)), { mode: 0o600 })
    renameSync(temp, file)
  }

  return {
    password(profileId) {
      const kept = inMemory.get(profileId)
      if (kept !== undefined) return kept
      const value = encrypted.get(profileId)
      if (value === undefined || !safeStorage.isEncryptionAvailable()) return null
      try {
        return safeStorage.decryptString(Buffer.from(value, 'base64'))
      } catch {
        logger.warn('a stored password could not be decrypted', { profileId })
        return null
      }
    },
    setPassword(profileId, password) {
      inMemory.delete(profileId)
      encrypted.delete(profileId)
      if (password !== null) {
        if (safeStorage.isEncryptionAvailable()) {
          encrypted.set(profileId, safeStorage.encryptString(password).toString('base64'))
        } else {
          inMemory.set(profileId, password)
        }
      }
      persist()
    },
    has: (profileId) => inMemory.has(profileId) || encrypted.has(profileId)
  }
}
