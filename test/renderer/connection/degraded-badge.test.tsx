import { cleanup, fireEvent, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ConnectionState } from '../../../src/shared/connection'
import { ConnectionBadge } from '../../../src/renderer/src/features/connection/ConnectionBadge'
import { demoStore, renderConsole } from '../render-console'

afterEach(cleanup)

function withStates(topics: ConnectionState, rest: ConnectionState) {
  const store = demoStore()
  store.getState().applyPush('connection:state', [
    { profileId: 'prod', stream: 'topics', state: topics },
    { profileId: 'prod', stream: 'jvm', state: topics },
    { profileId: 'prod', stream: 'rest', state: rest }
  ])
  return store
}

const since = Date.now() - 5_000
const live: ConnectionState = { kind: 'live', since }
const degraded: ConnectionState = {
  kind: 'degraded',
  reason: 'proxy-buffering',
  attempt: 2,
  retryAt: Date.now() + 2_000,
  since
}

describe('ConnectionBadge behind a proxy', () => {
  it('shows a degraded stream as live by polling, not stale, with a way to Diagnostics', () => {
    const store = withStates(degraded, live)
    renderConsole(<ConnectionBadge />, { store })
    const badge = screen.getByTestId('connection-badge')
    expect(badge.dataset.state).toBe('degraded')
    expect(badge.textContent).toBe('Live by polling — stream blocked by a proxy')
    expect(screen.queryByTestId('stale-since')).toBeNull()
    expect(screen.queryByTestId('retry-now')).toBeNull()
    fireEvent.click(screen.getByTestId('connection-why'))
    expect(store.getState().view).toBe('diagnostics')
  })

  it('says so in Chinese', () => {
    renderConsole(<ConnectionBadge />, { store: withStates(degraded, live), language: 'zh-CN' })
    expect(screen.getByTestId('connection-badge').textContent).toBe('轮询在线 — 推送流被代理阻塞')
  })

  it('names an address that is not Dinky as a configuration error', () => {
    const notDinky: ConnectionState = {
      kind: 'reconnecting',
      attempt: 1,
      retryAt: Date.now() + 60_000,
      reason: 'not-dinky',
      since
    }
    renderConsole(<ConnectionBadge />, { store: withStates(notDinky, notDinky) })
    expect(screen.getByTestId('connection-badge').textContent).toBe('Not a Dinky server')
    expect(screen.getByTestId('connection-why')).toBeTruthy()
  })
})
