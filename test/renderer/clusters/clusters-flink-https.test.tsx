/**
 * A cluster whose Flink address is https:// on Dinky 1.0/1.1 (the core sets `flinkHttpsBlocked`): the Clusters view
 * says why Dinky cannot read it, in both languages, instead of only "Unavailable".
 */
import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { ClustersView } from '../../../src/renderer/src/features/clusters/ClustersView'
import { demoStore, renderConsole } from '../render-console'

afterEach(cleanup)

function storeWithHttpsCluster() {
  const store = demoStore()
  const clusters = store.getState().clusters.prod
  const first = {
    ...clusters.value[0],
    jobManagerHost: 'https://flink.example:8081',
    available: false,
    flinkHttpsBlocked: true
  }
  store.setState({
    clusters: { prod: { ...clusters, value: [first, ...clusters.value.slice(1)] } }
  })
  return store
}

describe('ClustersView with an https:// Flink on Dinky 1.0/1.1', () => {
  it('names the cause in English', () => {
    renderConsole(<ClustersView />, { store: storeWithHttpsCluster() })
    const alerts = screen.getAllByTestId('cluster-flink-https')
    expect(alerts).toHaveLength(1)
    expect(alerts[0].textContent).toContain('Dinky 1.0/1.1 always calls Flink over http://')
  })

  it('names the cause in Chinese', () => {
    renderConsole(<ClustersView />, { store: storeWithHttpsCluster(), language: 'zh-CN' })
    expect(screen.getByTestId('cluster-flink-https').textContent).toContain(
      'Dinky 1.0/1.1 总是用 http:// 访问 Flink'
    )
  })

  it('shows nothing for the clusters Dinky can read', () => {
    renderConsole(<ClustersView />)
    expect(screen.queryByTestId('cluster-flink-https')).toBeNull()
  })
})
