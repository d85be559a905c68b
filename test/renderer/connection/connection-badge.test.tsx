import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ConnectionState } from '../../../src/shared/connection'
import {
  badgeLabel,
  ConnectionBadge
} from '../../../src/renderer/src/features/connection/ConnectionBadge'
import { demoStore, renderConsole } from '../render-console'
import { USER } from '../preview/demo-world'

afterEach(cleanup)

function withState(state: ConnectionState) {
  const store = demoStore()
  const streams = (['topics', 'jvm', 'rest'] as const).map((stream) => ({
    profileId: 'prod',
    stream,
    state
  }))
  store.getState().applyPush('connection:state', streams)
  return store
}

const since = Date.parse('2025-03-14T10:42:00')
const CASES: Array<[ConnectionState, RegExp]> = [
  [{ kind: 'live', since }, /^Live$/],
  [{ kind: 'connecting', reason: 'started', since }, /^Connecting…$/],
  [
    {
      kind: 'reconnecting',
      attempt: 3,
      retryAt: Date.now() + 9_500,
      reason: 'connection-reset',
      since
    },
    /^Reconnecting in 1?\d s \(attempt 3\)$/
  ],
  [{ kind: 'offline', reason: 'network-offline', since }, /^Offline$/],
  [{ kind: 'auth-expired', reason: 'token-expired', since }, /^Login expired$/],
  [{ kind: 'stopped', reason: 'stopped-by-user', since }, /^Stopped$/]
]

describe('ConnectionBadge', () => {
  it.each(CASES)('shows the %o state plainly', (state, label) => {
    renderConsole(<ConnectionBadge />, { store: withState(state) })
    const badge = screen.getByTestId('connection-badge')
    expect(badge.dataset.state).toBe(state.kind)
    expect(badge.textContent).toMatch(label)
    const stale = screen.queryByTestId('stale-since')
    if (state.kind === 'live') expect(stale).toBeNull()
    else expect(stale?.textContent).toMatch(/^Stale since \d\d:\d\d \(cached data\)$/)
  })

  it('says "Not connected" before any state arrived', () => {
    const store = demoStore()
    store.setState({ streams: {} })
    renderConsole(<ConnectionBadge />, { store })
    expect(screen.getByTestId('connection-badge').textContent).toBe('Not connected')
  })

  it('dates the stale marker from the data, not from the disconnect', () => {
    const store = withState({
      kind: 'offline',
      reason: 'timeout',
      since: Date.parse('2025-03-14T11:30:00')
    })
    const jobs = store.getState().jobs.prod
    store.setState({ jobs: { prod: { ...jobs, asOf: Date.parse('2025-03-14T10:42:00') } } })
    renderConsole(<ConnectionBadge />, { store })
    expect(screen.getByTestId('stale-since').textContent).toContain('Stale since 10:42')
  })

  it('offers "Retry now" while reconnecting and asks main to retry', async () => {
    const state: ConnectionState = {
      kind: 'reconnecting',
      attempt: 1,
      retryAt: Date.now() + 30_000,
      reason: 'timeout',
      since
    }
    const { fake } = renderConsole(<ConnectionBadge />, {
      store: withState(state),
      handlers: { 'session:retry-now': () => undefined }
    })
    fireEvent.click(screen.getByTestId('retry-now'))
    await waitFor(() => expect(fake.callsTo('session:retry-now')).toEqual([{ profileId: 'prod' }]))
  })

  it('prompts for the password after the login expired and logs in again', async () => {
    const { fake } = renderConsole(<ConnectionBadge />, {
      store: withState({ kind: 'auth-expired', reason: 'token-expired', since }),
      handlers: {
        'session:login': () => USER,
        'session:snapshot': () => Promise.reject(new Error('offline'))
      }
    })
    expect(screen.queryByTestId('retry-now')).toBeNull()
    fireEvent.click(screen.getByTestId('log-in-again'))
    fireEvent.change(await screen.findByTestId('login-password'), { target: { value: 's3cret' } })
    fireEvent.click(screen.getByTestId('login-submit'))
    await waitFor(() =>
      expect(fake.callsTo('session:login')).toEqual([{ profileId: 'prod', password: 's3cret' }])
    )
  })
})

describe('badgeLabel countdown', () => {
  it('never counts from before the state began, even when the ticking clock is a tick old', () => {
    const t = ((key: string, values: { seconds: number; attempt: number }) =>
      `${key} ${values.seconds} ${values.attempt}`) as never
    const state: ConnectionState = {
      kind: 'reconnecting',
      attempt: 2,
      retryAt: 10_000 + 3_000,
      reason: 'connection-refused',
      since: 10_000
    }
    // The clock last ticked 900 ms before main scheduled the retry 3 s out: the badge says 3 s, not 4 s.
    expect(badgeLabel(state, 9_100, t)).toBe('connection.reconnecting 3 2')
    expect(badgeLabel(state, 11_500, t)).toBe('connection.reconnecting 2 2')
    expect(badgeLabel(state, 14_000, t)).toBe('connection.reconnecting 0 2')
  })
})
