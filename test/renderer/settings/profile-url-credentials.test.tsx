import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { ProfileFormModal } from '../../../src/renderer/src/features/settings/ProfileFormModal'
import { createServerProfile } from '../../../src/shared/profiles'
import { renderConsole } from '../render-console'

afterEach(cleanup)

describe("settings: the profile form's server URL", () => {
  it('refuses a URL carrying a user name and password, and sends nothing to main', async () => {
    const profile = createServerProfile({
      id: 'p1',
      name: 'Prod',
      url: 'http://admin:s3cret@dinky.example:8888'
    })
    const { fake } = renderConsole(<ProfileFormModal profile={profile} onClose={() => {}} />)
    fireEvent.click(screen.getByTestId('profile-test'))
    await screen.findByText(/No user name or password in the URL/)
    fireEvent.click(screen.getByTestId('profile-save'))
    await waitFor(() => expect(screen.getAllByText(/No user name or password/)).toHaveLength(1))
    expect(fake.callsTo('profiles:test')).toEqual([])
    expect(fake.callsTo('profiles:save')).toEqual([])
  })

  it('takes the same URL without the credentials', async () => {
    const profile = createServerProfile({
      id: 'p1',
      name: 'Prod',
      url: 'http://dinky.example:8888'
    })
    const { fake } = renderConsole(<ProfileFormModal profile={profile} onClose={() => {}} />, {
      handlers: {
        'profiles:test': async () => ({ ok: true, value: { version: '1.1.0', transport: 'sse' } })
      } as never
    })
    fireEvent.click(screen.getByTestId('profile-test'))
    await waitFor(() => expect(fake.callsTo('profiles:test')).toHaveLength(1))
    expect(screen.queryByText(/No user name or password/)).toBeNull()
  })
})
