/**
 * The stand-in `safeStorage`, as on Linux without a keyring ('basic_text'): Chromium's v10 scheme (AES-128-CBC
 * with a fixed key), so ciphertext is not the plaintext, yet nothing is really secret. The launcher can make
 * encryption unavailable (DINKY_E2E_SAFE_STORAGE=unavailable) to test the app's fallback.
 */
import { createCipheriv, createDecipheriv, pbkdf2Sync } from 'node:crypto'

const available = process.env['DINKY_E2E_SAFE_STORAGE'] !== 'unavailable'
const key = pbkdf2Sync('peanuts', 'saltysalt', 1, 16, 'sha1')
const iv = Buffer.alloc(16, ' ')
const PREFIX = Buffer.from('v10')

export const safeStorage = {
  isEncryptionAvailable: (): boolean => available,
  getSelectedStorageBackend: (): string => (available ? 'basic_text' : 'unknown'),
  setUsePlainTextEncryption(_use: boolean): void {},
  encryptString(plainText: string): Buffer {
    if (!available) {
      throw new Error(
        'Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.'
      )
    }
    const cipher = createCipheriv('aes-128-cbc', key, iv)
    return Buffer.concat([PREFIX, cipher.update(plainText, 'utf8'), cipher.final()])
  },
  isAsyncEncryptionAvailable: async (): Promise<boolean> => available,
  async encryptStringAsync(plainText: string): Promise<Buffer> {
    return safeStorage.encryptString(plainText)
  },
  async decryptStringAsync(
    encrypted: Buffer
  ): Promise<{ result: string; shouldReEncrypt: boolean }> {
    return { result: safeStorage.decryptString(encrypted), shouldReEncrypt: false }
  },
  decryptString(encrypted: Buffer): string {
    try {
      if (!available || !encrypted.subarray(0, 3).equals(PREFIX)) throw new Error('bad prefix')
      const decipher = createDecipheriv('aes-128-cbc', key, iv)
      return Buffer.concat([decipher.update(encrypted.subarray(3)), decipher.final()]).toString(
        'utf8'
      )
    } catch {
      throw new Error(
        'Error while decrypting the ciphertext provided to safeStorage.decryptString.'
      )
    }
  }
}
