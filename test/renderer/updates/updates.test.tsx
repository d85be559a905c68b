import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { UpdatesSettingsCard } from '../../../src/renderer/src/features/updates/UpdatesSettingsCard'
import { UpdateReadyPrompt } from '../../../src/renderer/src/features/updates/UpdateReadyPrompt'
import { OpenLogsFolderButton } from '../../../src/renderer/src/features/diagnostics/OpenLogsFolderButton'
import { AvatarMenu } from '../../../src/renderer/src/features/account/AvatarMenu'
import type { UpdateStatus } from '../../../src/shared/updates'
import { renderConsole } from '../render-console'

afterEach(cleanup)

const status = (state: UpdateStatus['state'], autoCheck = true): UpdateStatus => ({
  currentVersion: '0.1.0',
  autoCheck,
  lastCheckedAt: null,
  state
})

describe('updates in Settings', () => {
  it('shows the state, checks on request and turns the daily check off', async () => {
    const { fake } = renderConsole(<UpdatesSettingsCard />, {
      handlers: {
        'updates:get': () => status({ kind: 'idle' }),
        'updates:check': () => status({ kind: 'up-to-date', checkedAt: Date.now() }),
        'updates:set-auto-check': ({ enabled }) => status({ kind: 'idle' }, enabled)
      }
    })
    expect((await screen.findByTestId('updates-state')).textContent).toBe('Not checked yet.')
    expect(screen.getByText('Dinky Console 0.1.0')).toBeTruthy()

    fireEvent.click(screen.getByTestId('updates-check'))
    await waitFor(() =>
      expect(screen.getByTestId('updates-state').textContent).toBe('Up to date (checked now).')
    )

    fireEvent.click(screen.getByTestId('updates-auto-check'))
    await waitFor(() =>
      expect(fake.callsTo('updates:set-auto-check')).toEqual([{ enabled: false }])
    )
    await waitFor(() =>
      expect(screen.getByTestId('updates-auto-check').getAttribute('aria-checked')).toBe('false')
    )
  })

  it('follows pushed progress, in Chinese', async () => {
    const { fake } = renderConsole(<UpdatesSettingsCard />, {
      language: 'zh-CN',
      handlers: { 'updates:get': () => status({ kind: 'checking' }) }
    })
    expect((await screen.findByTestId('updates-state')).textContent).toBe('正在检查更新…')
    act(() =>
      fake.push('updates:status', [status({ kind: 'downloading', version: '0.2.0', percent: 42 })])
    )
    expect(screen.getByTestId('updates-state').textContent).toBe('正在下载 0.2.0 版本：42 %')
    expect(screen.getByTestId('updates-check').hasAttribute('disabled')).toBe(true)
  })

  it('says why updates are off in a development run, and offers nothing to click', async () => {
    renderConsole(<UpdatesSettingsCard />, {
      handlers: { 'updates:get': () => status({ kind: 'unavailable', reason: 'development' }) }
    })
    expect((await screen.findByTestId('updates-state')).textContent).toBe(
      'Updates are off in a development run.'
    )
    expect(screen.getByTestId('updates-check').hasAttribute('disabled')).toBe(true)
  })
})

describe('asking before restarting', () => {
  it('asks once when an update is downloaded; "Restart now" asks main to install', async () => {
    const { fake } = renderConsole(<UpdateReadyPrompt />, {
      handlers: {
        'updates:get': () => status({ kind: 'downloading', version: '0.2.0', percent: 99 }),
        'updates:restart': () => undefined
      }
    })
    await waitFor(() => expect(fake.callsTo('updates:get')).toHaveLength(1))
    expect(screen.queryByText('Update ready')).toBeNull()
    act(() => fake.push('updates:status', [status({ kind: 'ready', version: '0.2.0' })]))
    await screen.findAllByText('Update ready')
    // One dialog, however often the status is pushed again.
    act(() => fake.push('updates:status', [status({ kind: 'ready', version: '0.2.0' })]))
    expect(document.querySelectorAll('.ant-modal-confirm')).toHaveLength(1)
    expect(
      screen.getByText(
        'Dinky Console 0.2.0 has been downloaded. Restart now to install it? Otherwise it installs when you quit.'
      )
    ).toBeTruthy()
    expect(fake.callsTo('updates:restart')).toEqual([])
    fireEvent.click(screen.getByTestId('update-restart'))
    await waitFor(() => expect(fake.callsTo('updates:restart')).toHaveLength(1))
  })
})

describe('the avatar menu and Diagnostics', () => {
  it('"Check for updates" in the avatar menu checks and says the outcome', async () => {
    const { fake } = renderConsole(<AvatarMenu />, {
      handlers: {
        'updates:check': () =>
          status({ kind: 'error', message: 'net::ERR_INTERNET_DISCONNECTED', at: 1 })
      }
    })
    fireEvent.click(screen.getByTestId('avatar-menu'))
    fireEvent.click(await screen.findByTestId('menu-check-updates'))
    expect(
      await screen.findByText('The update check failed: net::ERR_INTERNET_DISCONNECTED')
    ).toBeTruthy()
    expect(fake.callsTo('updates:check')).toHaveLength(1)
  })

  it('"Open logs folder" opens it through main and says where', async () => {
    const { fake } = renderConsole(<OpenLogsFolderButton />, {
      language: 'zh-CN',
      handlers: { 'app:open-logs-folder': () => ({ path: '/home/me/.config/Dinky Console/logs' }) }
    })
    fireEvent.click(screen.getByTestId('open-logs-folder'))
    expect(await screen.findByText('已打开 /home/me/.config/Dinky Console/logs')).toBeTruthy()
    expect(fake.callsTo('app:open-logs-folder')).toHaveLength(1)
  })
})
