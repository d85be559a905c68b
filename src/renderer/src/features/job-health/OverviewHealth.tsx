/**
 * The drawer's overview additions: the "Dinky lost Flink" notice (RECONNECTING/UNKNOWN is not a job failure),
 * the job's configuration and its vertex table (records and bytes in and out, parallelism, status, busy %,
 * backpressure level, watermark), each as of the detail's `asOf`.
 */
import { Alert, Descriptions, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useTranslation } from 'react-i18next'
import type {
  BackpressureLevel,
  JobHealthDetail,
  VertexHealth
} from '../../../../shared/job-health'
import type { Fresh } from '../../../../shared/models'
import { useNow } from '../../components/use-now'
import { formatAgo, formatBytes, formatDateTime, formatDuration } from '../../format/units'
import { AsOfNote } from './AsOfNote'
import { HealthTable, numberColumn } from './health-table'
import { useJobHealthDetail } from './use-job-health'

const count = (value: number) => value.toLocaleString()
const LEVEL_COLOR: Record<BackpressureLevel, string> = { ok: 'green', low: 'gold', high: 'red' }

export function BackpressureTag({ level }: { level: BackpressureLevel | null }) {
  const { t } = useTranslation()
  if (!level) return <>—</>
  return (
    <Tag color={LEVEL_COLOR[level]} data-testid="backpressure" data-level={level}>
      {t(`jobHealth.level.${level}`)}
    </Tag>
  )
}

export function FlinkLostNotice({ detail }: { detail: Fresh<JobHealthDetail> }) {
  const { t, i18n } = useTranslation()
  const now = useNow(10_000)
  if (!detail.value.flinkLost) return null
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="flink-lost"
      title={t('jobHealth.flinkLost')}
      description={t('jobHealth.flinkLostBody', {
        status: detail.value.status,
        ago: formatAgo(detail.asOf, Math.max(now, detail.asOf), i18n.language)
      })}
    />
  )
}

export function OverviewHealth({ instanceId }: { instanceId: number }) {
  const detail = useJobHealthDetail(instanceId)
  const { t } = useTranslation()
  if (!detail) return null
  const d = detail.value
  const columns: ColumnsType<VertexHealth> = [
    {
      title: t('jobHealth.vertex'),
      dataIndex: 'name',
      width: 220,
      // Kept in view while the numbers scroll sideways in a narrow drawer.
      fixed: 'left',
      ellipsis: { showTitle: true },
      render: (name: string) => <Typography.Text>{name}</Typography.Text>
    },
    { title: t('jobHealth.parallelism'), dataIndex: 'parallelism', width: 100, align: 'right' },
    { title: t('jobHealth.status'), dataIndex: 'status', width: 100, render: (s) => s ?? '—' },
    numberColumn(t('jobHealth.recordsIn'), 'readRecords', 110, count),
    numberColumn(t('jobHealth.recordsOut'), 'writeRecords', 110, count),
    numberColumn(t('jobHealth.bytesIn'), 'readBytes', 100, formatBytes),
    numberColumn(t('jobHealth.bytesOut'), 'writeBytes', 100, formatBytes),
    numberColumn(t('jobHealth.busy'), 'busyPct', 70, (pct) => `${pct}%`),
    {
      title: t('jobHealth.backpressure'),
      dataIndex: 'backpressure',
      width: 120,
      render: (level: BackpressureLevel | null) => <BackpressureTag level={level} />
    },
    {
      title: t('jobHealth.watermark'),
      dataIndex: 'watermark',
      width: 170,
      render: (ms: number | null) => (ms === null ? t('jobHealth.noWatermark') : formatDateTime(ms))
    }
  ]
  return (
    <div data-testid="overview-health" style={{ marginTop: 16 }}>
      <FlinkLostNotice detail={detail} />
      <Typography.Title level={5}>
        {t('jobHealth.config')} <AsOfNote fresh={detail} />
      </Typography.Title>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('jobHealth.parallelism')}>
          {d.parallelism ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('jobHealth.duration')}>
          {formatDuration(d.durationMs, t)}
        </Descriptions.Item>
        <Descriptions.Item label={t('jobHealth.restartStrategy')} span={2}>
          {d.restartStrategy ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('jobHealth.executionMode')}>
          {d.executionMode ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('jobHealth.interval')}>
          {d.checkpointConfig?.intervalMs != null
            ? formatDuration(d.checkpointConfig.intervalMs, t)
            : '—'}
        </Descriptions.Item>
      </Descriptions>
      <HealthTable
        title={t('jobHealth.vertices')}
        rows={d.vertices}
        columns={columns}
        scrollX={0}
        testId="vertex-table"
      />
    </div>
  )
}
