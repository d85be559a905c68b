/** Cluster health at a glance: how many Flink clusters answer, each with its status mark, and Dinky's own JVM. */
import { Card, Empty, List, Progress, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { StatusMark } from '../../components/StatusMark'
import { formatBytes } from '../../format/units'
import { selectClusters, selectProfileId, selectSysInfo } from '../../store/selectors'
import { useConsole } from '../../store/store-context'

export function ClusterHealthCard() {
  const { t } = useTranslation()
  const fresh = useConsole(selectClusters)
  const clusters = fresh?.value ?? []
  const sysInfo = useConsole(selectSysInfo)
  const version = useConsole((state) => state.servers[selectProfileId(state)]?.version ?? null)
  const available = clusters.filter((cluster) => cluster.available).length
  const heap = sysInfo?.value.jvm

  return (
    <Card
      size="small"
      title={t('overview.clusterHealth')}
      extra={
        clusters.length > 0 && (
          <Typography.Text type="secondary">
            {t('overview.clustersAvailable', { available, total: clusters.length })}
          </Typography.Text>
        )
      }
      style={{ marginBottom: 16 }}
      data-testid="cluster-health"
    >
      {clusters.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t(fresh ? 'overview.noClusters' : 'freshness.noData')}
        />
      ) : (
        <List
          size="small"
          dataSource={clusters}
          renderItem={(cluster) => (
            <List.Item extra={<Typography.Text type="secondary">{cluster.type}</Typography.Text>}>
              <Space size={6}>
                <StatusMark
                  kind={cluster.available ? 'success' : 'error'}
                  label={t(cluster.available ? 'clusters.available' : 'clusters.unavailable')}
                />
                {`${cluster.alias || cluster.name}${cluster.version ? ` · Flink ${cluster.version}` : ''}`}
              </Space>
            </List.Item>
          )}
        />
      )}
      {heap && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }} size={2}>
          <Typography.Text strong>
            {t('overview.dinky')}
            {version ? ` · ${t('overview.version', { version })}` : ''}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('clusters.heapUsed')}: {formatBytes(heap.heapUsed)} / {formatBytes(heap.heapMax)}
          </Typography.Text>
          <Progress
            aria-label={t('clusters.heapUsed')}
            percent={Math.round((heap.heapUsed / Math.max(1, heap.heapMax)) * 100)}
            size="small"
          />
        </Space>
      )}
    </Card>
  )
}
