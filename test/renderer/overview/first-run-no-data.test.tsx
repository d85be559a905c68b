/**
 * A first run against an address that never answered (not Dinky, or unreachable): nothing was ever read, so the
 * badge must not claim cached data and the Overview's empty cards must not read as the server's answer.
 */
import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ConnectionState } from '../../../src/shared/connection'
import { ConnectionBadge } from '../../../src/renderer/src/features/connection/ConnectionBadge'
import { OverviewView } from '../../../src/renderer/src/features/overview/OverviewView'
import { createConsoleStore } from '../../../src/renderer/src/store/console-store'
import { PROFILES } from '../preview/demo-world'
import { renderConsole } from '../render-console'

afterEach(cleanup)

/** A store that knows the server but was never given any data (no snapshot, no cache). */
function neverReadStore(state: ConnectionState) {
  const store = createConsoleStore({})
  store.getState().setProfiles({ profiles: PROFILES, selectedId: 'prod', withPassword: [] })
  const streams = (['topics', 'jvm', 'rest'] as const).map((stream) => ({
    profileId: 'prod',
    stream,
    state
  }))
  store.getState().applyPush('connection:state', streams)
  return store
}

const since = Date.now()
const notDinky: ConnectionState = {
  kind: 'reconnecting',
  attempt: 2,
  retryAt: since + 10_000,
  reason: 'not-dinky',
  since
}
const refused: ConnectionState = { ...notDinky, reason: 'connection-refused' }

const view = (
  <>
    <ConnectionBadge />
    <OverviewView />
  </>
)

describe('first run with no data ever read', () => {
  it('says "No data yet" for a URL that is not Dinky, in English', () => {
    renderConsole(view, { store: neverReadStore(notDinky) })
    expect(screen.queryByTestId('stale-since')).toBeNull()
    expect(screen.getByTestId('no-data-yet').textContent).toBe('No data yet')
    expect(screen.getByTestId('cluster-health').textContent).toContain('No data yet')
    expect(screen.getByTestId('cluster-health').textContent).not.toContain('No clusters registered')
    expect(screen.getByTestId('recent-failures').textContent).toContain('No data yet')
    expect(screen.getByTestId('recent-failures').textContent).not.toContain('No failed jobs')
  })

  it('names the failure of an unreachable server, in Chinese', () => {
    renderConsole(view, { store: neverReadStore(refused), language: 'zh-CN' })
    expect(screen.queryByTestId('stale-since')).toBeNull()
    expect(screen.getByTestId('no-data-yet').textContent).toBe('暂无数据：连接被拒绝')
    expect(screen.getByTestId('cluster-health').textContent).toContain('暂无数据')
    expect(screen.getByTestId('cluster-health').textContent).not.toContain('没有注册的集群')
    expect(screen.getByTestId('recent-failures').textContent).not.toContain('没有失败的作业')
  })

  it('still says "No clusters registered" when the server answered with none', () => {
    const store = neverReadStore({ kind: 'live', since })
    store.setState({
      clusters: { prod: { value: [], asOf: since, stale: false } },
      jobs: { prod: { value: [], asOf: since, stale: false } }
    })
    renderConsole(view, { store })
    expect(screen.queryByTestId('no-data-yet')).toBeNull()
    expect(screen.getByTestId('cluster-health').textContent).toContain('No clusters registered')
    expect(screen.getByTestId('recent-failures').textContent).toContain('No failed jobs')
  })
})
