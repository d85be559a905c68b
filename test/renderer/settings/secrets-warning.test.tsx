import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { SettingsView } from '../../../src/renderer/src/features/settings/SettingsView'
import type { AppInfo } from '../../../src/shared/ipc/contract'
import { demoStore, renderConsole } from '../render-console'

afterEach(cleanup)

function withSecrets(secretsBackend: AppInfo['secretsBackend']) {
  const store = demoStore()
  store.getState().setAppInfo({
    version: '0.1.0',
    platform: 'linux',
    locale: 'en-US',
    darkMode: false,
    secretsBackend
  })
  return store
}

describe('settings: where passwords are kept', () => {
  it('warns when Linux offers only the basic_text backend', () => {
    renderConsole(<SettingsView />, { store: withSecrets('basic_text') })
    expect(screen.getByTestId('secrets-warning').textContent).toContain('basic_text')
  })

  it('warns in Chinese when there is no secure storage at all', () => {
    renderConsole(<SettingsView />, { store: withSecrets('none'), language: 'zh-CN' })
    expect(screen.getByTestId('secrets-warning').textContent).toContain('没有可用的安全存储')
  })

  it('says nothing when the OS keychain keeps them', () => {
    renderConsole(<SettingsView />, { store: withSecrets('os') })
    expect(screen.queryByTestId('secrets-warning')).toBeNull()
  })
})
