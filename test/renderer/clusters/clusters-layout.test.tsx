/**
 * The Clusters table in a narrow window: a long JobManager host is shortened with its whole text in a tooltip, the
 * name column never is (it wrapped mid-word when the host was cut instead), and below its minimum the table
 * scrolls sideways rather than squeezing the names.
 */
import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { ClustersView } from '../../../src/renderer/src/features/clusters/ClustersView'
import { demoStore, renderConsole } from '../render-console'

afterEach(cleanup)

describe('ClustersView layout', () => {
  it('shortens only the JobManager host, whole in its tooltip, and scrolls below a minimum width', () => {
    const store = demoStore()
    const clusters = store.getState().clusters.prod
    const long = 'iot-sensor-window-agg-rest.flink.svc.cluster.local:8081'
    const first = { ...clusters.value[0], jobManagerHost: long }
    store.setState({
      clusters: { prod: { ...clusters, value: [first, ...clusters.value.slice(1)] } }
    })
    renderConsole(<ClustersView />, { store })
    const host = screen.getAllByTestId('cluster-host')[0]
    expect(host.textContent).toBe(long)
    expect(host.getAttribute('title')).toBe(long)
    expect(host.closest('td')?.className).toContain('ant-table-cell-ellipsis')
    // The name cell is not shortened.
    const row = screen.getAllByTestId('cluster-row')[0]
    const nameCell = [...row.querySelectorAll('td')].find((td) =>
      td.textContent?.includes(first.alias || first.name)
    )
    expect(nameCell?.className).not.toContain('ant-table-cell-ellipsis')
    const table = row.closest('table')
    expect(Number.parseInt(table?.style.width ?? '', 10)).toBeGreaterThanOrEqual(800)
  })
})
