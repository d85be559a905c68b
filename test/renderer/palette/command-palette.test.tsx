/**
 * The command palette (issue 23) driven by keys alone: it finds a job on another server and opens it there, moves
 * through its results as an ARIA combobox, takes a job's actions behind the drawer's own confirmation on the job's
 * server, says why actions are off on a read-only or not-live server, and remembers what was opened.
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CommandPalette } from '../../../src/renderer/src/features/palette/CommandPalette'
import { RECENT_STORAGE_KEY } from '../../../src/renderer/src/features/palette/recent-items'
import type { ConsoleStore } from '../../../src/renderer/src/store/console-store'
import type { ServerProfile } from '../../../src/shared/profiles'
import type { SessionSnapshot } from '../../../src/shared/session'
import type { FakeHandlers } from '../fake-api'
import { demoSnapshot, PROFILES } from '../preview/demo-world'
import { demoStore, renderConsole } from '../render-console'

afterEach(cleanup)
beforeEach(() => window.localStorage.removeItem(RECENT_STORAGE_KEY))

/** The staging server's jobs: the demo's, renamed `stg_…` with their own ids. */
function stagingSnapshot(): SessionSnapshot {
  const snapshot = demoSnapshot('staging', 0)
  const jobs = snapshot.jobs!
  return {
    ...snapshot,
    jobs: {
      ...jobs,
      value: jobs.value.map((job) => ({ ...job, id: job.id + 1_000, name: `stg_${job.name}` }))
    }
  }
}
const GMV = stagingSnapshot().jobs!.value.find((job) => job.name.includes('gmv'))!

/** Prod selected and shown, staging known too (its own names), both live. */
function twoServers(profiles: ServerProfile[] = PROFILES): ConsoleStore {
  const store = demoStore()
  store.getState().setProfiles({ profiles, selectedId: 'prod', withPassword: [] })
  store.getState().applySnapshot(stagingSnapshot())
  return store
}

const handlers: FakeHandlers = {
  'profiles:select': ({ profileId }) => ({
    profiles: PROFILES,
    selectedId: profileId,
    withPassword: []
  }),
  'session:snapshot': ({ profileId }) =>
    profileId === 'staging' ? stagingSnapshot() : demoSnapshot(profileId, 0),
  'jobs:action': () => ({ message: 'done' })
}

async function openPalette(store: ConsoleStore): Promise<HTMLInputElement> {
  act(() => store.getState().setPaletteOpen(true))
  const input = (await screen.findByTestId('command-palette-input')) as HTMLInputElement
  expect(input.tagName).toBe('INPUT')
  return input
}

function type(input: HTMLInputElement, text: string): void {
  fireEvent.change(input, { target: { value: text } })
  input.setSelectionRange(text.length, text.length)
}

const options = () => screen.getAllByRole('option')
const key = (input: HTMLElement, name: string) => fireEvent.keyDown(input, { key: name })

describe('command palette', () => {
  it('finds a job on another server and opens its drawer there, by keys alone', async () => {
    const store = twoServers()
    const { fake } = renderConsole(<CommandPalette />, { store, handlers })
    const input = await openPalette(store)
    expect(input.getAttribute('role')).toBe('combobox')

    type(input, 'stg gmv')
    const [first] = options()
    expect(first!.textContent).toContain(GMV.name)
    expect(first!.textContent).toContain('Staging')
    expect(input.getAttribute('aria-activedescendant')).toBe(first!.id)
    expect(first!.getAttribute('aria-selected')).toBe('true')

    // Enter that ends an input method's composition (pinyin) is the input method's, not a choice.
    fireEvent.keyDown(input, { key: 'Enter', isComposing: true })
    expect(store.getState().paletteOpen).toBe(true)
    key(input, 'Enter')
    await waitFor(() => expect(store.getState().openJobId).toBe(GMV.id))
    expect(fake.callsTo('profiles:select')).toEqual([{ profileId: 'staging' }])
    expect(store.getState()).toMatchObject({ selectedProfileId: 'staging', paletteOpen: false })
  })

  it('moves through its results with the arrows, wrapping at both ends', async () => {
    const store = twoServers()
    renderConsole(<CommandPalette />, { store, handlers })
    const input = await openPalette(store)
    type(input, 'stg')
    const all = options()
    expect(all.length).toBeGreaterThan(3)
    key(input, 'ArrowDown')
    expect(input.getAttribute('aria-activedescendant')).toBe(all[1]!.id)
    expect(all[1]!.getAttribute('aria-selected')).toBe('true')
    expect(all[0]!.getAttribute('aria-selected')).toBe('false')
    key(input, 'ArrowUp')
    key(input, 'ArrowUp')
    expect(input.getAttribute('aria-activedescendant')).toBe(options().at(-1)!.id)
    key(input, 'ArrowDown')
    expect(input.getAttribute('aria-activedescendant')).toBe(all[0]!.id)
  })

  it("goes to a view, and lists what was opened first the next time, kept in the renderer's storage", async () => {
    const store = twoServers()
    renderConsole(<CommandPalette />, { store, handlers })
    let input = await openPalette(store)
    type(input, 'clus')
    key(input, 'Enter')
    expect(store.getState()).toMatchObject({ view: 'clusters', paletteOpen: false })

    input = await openPalette(store)
    type(input, 'stg gmv')
    key(input, 'Enter')
    await waitFor(() => expect(store.getState().openJobId).toBe(GMV.id))

    input = await openPalette(store)
    expect(input.value).toBe('')
    const [job, view] = options()
    expect(job!.textContent).toContain(GMV.name)
    expect(job!.textContent).toContain('Recent')
    expect(view!.textContent).toContain('Clusters')
    expect(window.localStorage.getItem(RECENT_STORAGE_KEY)).toContain(GMV.name)
  })

  it("restarts a job of another server behind the drawer's own question, on that server", async () => {
    const store = twoServers()
    const { fake } = renderConsole(<CommandPalette />, { store, handlers })
    const input = await openPalette(store)
    type(input, 'stg gmv')
    key(input, 'ArrowRight')
    const steps = options().map((option) => option.textContent)
    expect(steps.join('|')).toMatch(
      /Open details.*Open console log.*Open checkpoints.*Cancel job.*Restart.*Trigger savepoint/
    )

    const stepInput = screen.getByTestId('command-palette-input') as HTMLInputElement
    type(stepInput, 'restart')
    key(stepInput, 'Enter')
    const confirm = await screen.findByTestId('command-palette-confirm')
    // The drawer's Popconfirm asks exactly this (jobDetail.confirmRestart).
    expect(within(confirm).getByText(`Restart job "${GMV.name}"?`)).toBeTruthy()
    const ok = within(confirm).getByTestId('command-palette-confirm-restart')
    await waitFor(() => expect(document.activeElement).toBe(ok))
    expect(fake.callsTo('jobs:action')).toEqual([])
    fireEvent.click(ok)
    await waitFor(() =>
      expect(fake.callsTo('jobs:action')).toEqual([
        {
          profileId: 'staging',
          action: { kind: 'restart', taskId: GMV.taskId, savepointPath: null }
        }
      ])
    )
    // Acting does not switch the server shown.
    expect(store.getState().selectedProfileId).toBe('prod')
    await waitFor(() => expect(store.getState().paletteOpen).toBe(false))
  })

  it('cancels with a savepoint first when that is ticked, and does nothing when the question is declined', async () => {
    const store = twoServers()
    const { fake } = renderConsole(<CommandPalette />, { store, handlers })
    const input = await openPalette(store)
    type(input, 'stg gmv')
    key(input, 'ArrowRight')
    type(screen.getByTestId('command-palette-input') as HTMLInputElement, 'cancel')
    key(screen.getByTestId('command-palette-input'), 'Enter')
    const confirm = await screen.findByTestId('command-palette-confirm')
    fireEvent.click(within(confirm).getByTestId('command-palette-confirm-back'))
    expect(screen.queryByTestId('command-palette-confirm')).toBeNull()
    key(screen.getByTestId('command-palette-input'), 'Enter')
    fireEvent.click(await screen.findByText('Take a savepoint first'))
    fireEvent.click(screen.getByTestId('command-palette-confirm-cancel'))
    await waitFor(() =>
      expect(fake.callsTo('jobs:action')).toEqual([
        {
          profileId: 'staging',
          action: { kind: 'cancel', taskId: GMV.taskId, withSavepoint: true }
        }
      ])
    )
  })

  it('turns the actions off on a read-only server and says why; opening still works', async () => {
    const readOnly = PROFILES.map((p) => (p.id === 'staging' ? { ...p, readOnly: true } : p))
    const store = twoServers(readOnly)
    const { fake } = renderConsole(<CommandPalette />, { store, handlers })
    const input = await openPalette(store)
    type(input, 'stg gmv')
    key(input, 'ArrowRight')
    const restart = options().find((option) => option.textContent?.includes('Restart'))!
    expect(restart.getAttribute('aria-disabled')).toBe('true')
    expect(restart.textContent).toContain('Read-only server')
    const stepInput = screen.getByTestId('command-palette-input') as HTMLInputElement
    type(stepInput, 'restart')
    key(stepInput, 'Enter')
    expect(screen.queryByTestId('command-palette-confirm')).toBeNull()
    expect(fake.callsTo('jobs:action')).toEqual([])
    type(stepInput, '')
    const details = options().find((option) => option.textContent?.includes('Open details'))!
    expect(details.getAttribute('aria-disabled')).toBeNull()

    // Backspace in the empty field goes back to the search as it was.
    key(stepInput, 'Backspace')
    expect((screen.getByTestId('command-palette-input') as HTMLInputElement).value).toBe('stg gmv')
  })

  it('turns the actions off while the server is not live', async () => {
    const store = twoServers()
    act(() =>
      store.getState().applyPush('connection:state', [
        {
          profileId: 'staging',
          stream: 'topics',
          state: {
            kind: 'reconnecting',
            attempt: 2,
            retryAt: Date.now() + 5_000,
            reason: 'connection-refused'
          } as never
        }
      ])
    )
    renderConsole(<CommandPalette />, { store, handlers })
    const input = await openPalette(store)
    type(input, 'stg gmv')
    key(input, 'ArrowRight')
    const savepoint = options().find((option) => option.textContent?.includes('Trigger savepoint'))!
    expect(savepoint.getAttribute('aria-disabled')).toBe('true')
    expect(savepoint.textContent).toContain('not live')
  })
})
