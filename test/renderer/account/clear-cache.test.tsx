import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { AvatarMenu } from '../../../src/renderer/src/features/account/AvatarMenu'
import { renderConsole } from '../render-console'
import { demoSnapshot } from '../preview/demo-world'

afterEach(cleanup)

describe('avatar menu', () => {
  it('shows the user and tenant', async () => {
    renderConsole(<AvatarMenu />)
    fireEvent.click(screen.getByTestId('avatar-menu'))
    expect(await screen.findByText('Tenant: DefaultTenant')).toBeTruthy()
    expect(screen.getByTestId('menu-clear-cache').textContent).toBe('Clear local cache')
  })

  it('names the item 清除本地缓存 in Chinese', async () => {
    renderConsole(<AvatarMenu />, { language: 'zh-CN' })
    fireEvent.click(screen.getByTestId('avatar-menu'))
    expect((await screen.findByTestId('menu-clear-cache')).textContent).toBe('清除本地缓存')
  })

  it('clears the local cache after confirmation, showing sizes per server, then resyncs', async () => {
    const { fake, store } = renderConsole(<AvatarMenu />, {
      handlers: {
        'cache:info': () => [
          { profileId: 'prod', bytes: 3 * 1024 * 1024 },
          { profileId: 'staging', bytes: 512 * 1024 }
        ],
        'cache:clear': () => ({ bytesFreed: 3.5 * 1024 * 1024 }),
        'session:snapshot': ({ profileId }) => demoSnapshot(profileId, 5)
      }
    })
    fireEvent.click(screen.getByTestId('avatar-menu'))
    fireEvent.click(await screen.findByTestId('menu-clear-cache'))
    // The modal opens before main has answered `cache:info`: wait for the sizes, not for the modal.
    await waitFor(() => expect(screen.getByTestId('cache-total').textContent).toBe('3.5 MB'))
    expect(screen.getByText('生产 Dinky')).toBeTruthy()
    expect(screen.getByText('512.0 KB')).toBeTruthy()
    expect(fake.callsTo('cache:clear')).toEqual([])

    fireEvent.click(screen.getByTestId('clear-cache-confirm'))
    await waitFor(() => expect(fake.callsTo('cache:clear')).toEqual([{ profileId: null }]))
    await waitFor(() =>
      expect(
        fake
          .callsTo('session:snapshot')
          .map((req) => (req as { profileId: string }).profileId)
          .sort()
      ).toEqual(['demo', 'prod', 'staging'])
    )
    await waitFor(() => expect(store.getState().jobs.prod?.value.length).toBeGreaterThan(0))
    expect(await screen.findByText('Local cache cleared (3.5 MB freed)')).toBeTruthy()
  })

  it('keeps the cache when the dialog is cancelled', async () => {
    const { fake } = renderConsole(<AvatarMenu />, {
      handlers: { 'cache:info': () => [{ profileId: 'prod', bytes: 10 }] }
    })
    fireEvent.click(screen.getByTestId('avatar-menu'))
    fireEvent.click(await screen.findByTestId('menu-clear-cache'))
    await screen.findByTestId('cache-total')
    fireEvent.click(screen.getByText('Cancel'))
    expect(fake.callsTo('cache:clear')).toEqual([])
  })
})
