/**
 * Clusters: the Flink clusters Dinky knows with status, type, version and JobManager; each row opens onto its task
 * managers (slots and memory). Below, Dinky's own JVM over the last half hour. Names are never cut: in a narrow
 * window the table scrolls sideways (the name column keeps about 200 px) and only a long JobManager host is shortened,
 * whole in its tooltip.
 */
import { Alert, Badge, Card, Progress, Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { Cluster, TaskManager } from '../../../../shared/models'
import { ViewHeader } from '../../components/ViewHeader'
import { formatBytes, formatDuration } from '../../format/units'
import { selectClusters, selectProfileId } from '../../store/selectors'
import { useConsole } from '../../store/store-context'
import { ClustersStaleReason } from './ClustersStaleReason'
import { JvmCharts } from './JvmCharts'

const NO_TASK_MANAGERS: Record<number, TaskManager[]> = {}
/** Below this width the table scrolls: the name column keeps about 200 px next to the fixed-width ones. */
const MIN_TABLE_WIDTH = 800

export function ClustersView() {
  const { t } = useTranslation()
  const clusters = useConsole(selectClusters)
  const taskManagers = useConsole(
    (state) => state.taskManagers[selectProfileId(state)] ?? NO_TASK_MANAGERS
  )

  const columns: ColumnsType<Cluster> = [
    {
      title: t('clusters.name'),
      dataIndex: 'name',
      render: (_, cluster) => cluster.alias || cluster.name
    },
    {
      title: t('clusters.status'),
      dataIndex: 'available',
      width: 110,
      render: (_, cluster) =>
        !cluster.enabled ? (
          <Badge status="default" text={t('clusters.disabled')} />
        ) : cluster.available ? (
          <Badge status="success" text={t('clusters.available')} />
        ) : (
          <Badge status="error" text={t('clusters.unavailable')} />
        )
    },
    {
      // Type and Flink version share a column, one above the other: apart they pushed the last column out of view.
      title: t('clusters.typeVersion'),
      dataIndex: 'type',
      width: 170,
      render: (type: string, cluster) => (
        <>
          <div>{type}</div>
          <Typography.Text type="secondary">{cluster.version ?? '—'}</Typography.Text>
        </>
      )
    },
    {
      title: t('clusters.jobManager'),
      key: 'jobManager',
      width: 200,
      ellipsis: { showTitle: false },
      render: (_, cluster) => {
        const host = cluster.jobManagerHost ?? cluster.hosts ?? '—'
        return (
          <span title={host} data-testid="cluster-host">
            {host}
          </span>
        )
      }
    },
    {
      title: t('clusters.taskManagers'),
      key: 'tms',
      width: 110,
      align: 'right',
      render: (_, cluster) => taskManagers[cluster.id]?.length ?? 0
    }
  ]

  return (
    <>
      <ViewHeader
        title={t('nav.clusters')}
        fresh={clusters}
        note={<ClustersStaleReason clusters={clusters} />}
      />
      <Card size="small" title={t('clusters.title')} style={{ marginBottom: 16 }}>
        {(clusters?.value ?? [])
          .filter((cluster) => cluster.flinkHttpsBlocked)
          .map((cluster) => (
            <Alert
              key={cluster.id}
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="cluster-flink-https"
              title={cluster.alias || cluster.name}
              description={t('clusters.flinkHttps')}
            />
          ))}
        <Table<Cluster>
          size="middle"
          rowKey="id"
          columns={columns}
          dataSource={clusters?.value ?? []}
          pagination={false}
          scroll={{ x: MIN_TABLE_WIDTH }}
          locale={{ emptyText: t(clusters ? 'clusters.empty' : 'freshness.noData') }}
          onRow={() => ({ 'data-testid': 'cluster-row' }) as object}
          expandable={{
            rowExpandable: (cluster) => (taskManagers[cluster.id]?.length ?? 0) > 0,
            expandedRowRender: (cluster) => (
              <Table<TaskManager>
                size="small"
                rowKey="id"
                pagination={false}
                columns={taskManagerColumns(t)}
                dataSource={taskManagers[cluster.id] ?? []}
                locale={{ emptyText: t('clusters.noTaskManagers') }}
              />
            )
          }}
        />
      </Card>
      <JvmCharts />
    </>
  )
}

function taskManagerColumns(t: TFunction): ColumnsType<TaskManager> {
  return [
    { title: t('clusters.address'), dataIndex: 'address', ellipsis: true },
    {
      title: t('clusters.slots'),
      key: 'slots',
      width: 200,
      render: (_, tm) => (
        <Progress
          size="small"
          percent={
            tm.slotsTotal ? Math.round(((tm.slotsTotal - tm.slotsFree) / tm.slotsTotal) * 100) : 0
          }
          format={() => `${tm.slotsFree} / ${tm.slotsTotal}`}
        />
      )
    },
    {
      title: t('clusters.memory'),
      key: 'memory',
      width: 190,
      render: (_, tm) =>
        `${formatBytes(tm.freeMemoryBytes)} / ${formatBytes(tm.physicalMemoryBytes)}`
    },
    {
      title: t('clusters.heap'),
      dataIndex: 'heapBytes',
      width: 110,
      render: (b: number) => formatBytes(b)
    },
    { title: t('clusters.cpuCores'), dataIndex: 'cpuCores', width: 90, align: 'right' },
    {
      title: t('clusters.heartbeat'),
      dataIndex: 'sinceHeartbeatMs',
      width: 120,
      render: (ms: number) => formatDuration(ms, t)
    }
  ]
}
