import { act, cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { ClustersView } from '../../../src/renderer/src/features/clusters/ClustersView'
import type { ClustersPush } from '../../../src/shared/ipc/contract'
import { demoStore, renderConsole } from '../render-console'

afterEach(cleanup)

/** Main's push when the cluster list failed alone: what was shown, same time, marked stale with the reason. */
function markStale(store: ReturnType<typeof demoStore>, staleReason: string, empty = false) {
  const shown = store.getState().clusters.prod
  const push: ClustersPush = {
    profileId: 'prod',
    clusters: empty
      ? { value: [], asOf: 0, stale: true, staleReason }
      : { ...shown, stale: true, staleReason },
    taskManagers: empty ? {} : store.getState().taskManagers.prod
  }
  if (empty) store.setState({ clusters: {}, taskManagers: {} })
  act(() => store.getState().applyPush('clusters:snapshot', [push]))
}

describe('ClustersView stale reason', () => {
  it('says why the live cluster list went stale and keeps the clusters shown', () => {
    const store = demoStore()
    const { length } = store.getState().clusters.prod.value
    renderConsole(<ClustersView />, { store })
    expect(screen.queryByTestId('clusters-stale-reason')).toBeNull()
    markStale(store, 'malformed-response')
    expect(screen.getByTestId('clusters-stale-reason').textContent).toBe(
      'The cluster list could not be read: malformed response. These are the clusters of the last list read.'
    )
    expect(screen.getByTestId('stale-marker')).toBeTruthy()
    expect(screen.getAllByTestId('cluster-row')).toHaveLength(length)
  })

  it('says it in Chinese', () => {
    const store = demoStore()
    renderConsole(<ClustersView />, { store, language: 'zh-CN' })
    markStale(store, 'http-5xx')
    expect(screen.getByTestId('clusters-stale-reason').textContent).toBe(
      '无法读取集群列表：服务器错误（5xx）。以下是上次读取到的集群。'
    )
  })

  it('shows a reason it does not know as unknown, never as the text it was given', () => {
    const store = demoStore()
    renderConsole(<ClustersView />, { store })
    markStale(store, '<img src=x onerror="alert(1)">')
    expect(screen.getByTestId('clusters-stale-reason').textContent).toBe(
      'The cluster list could not be read: unknown reason. These are the clusters of the last list read.'
    )
    expect(document.querySelector('img[src="x"]')).toBeNull()
  })

  it('with no list read yet, neither claims clusters nor dates the empty list to 1970', () => {
    const store = demoStore()
    renderConsole(<ClustersView />, { store })
    markStale(store, 'timeout', true)
    expect(screen.getByTestId('clusters-stale-reason').textContent).toBe(
      'The cluster list could not be read: timed out.'
    )
    expect(screen.getByTestId('stale-marker').textContent).toBe('No data yet')
    expect(screen.queryAllByTestId('cluster-row')).toHaveLength(0)
  })
})
