/**
 * The drawer's overview additions: the "Dinky lost Flink" notice (RECONNECTING/UNKNOWN is not a job failure),
 * the job's configuration and its vertex table (records and bytes in and out, parallelism, status, busy %,
 * backpressure level, watermark), each as of the detail's `asOf`.
 */
import { Alert, Descriptions, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import type { TFunction } from 'i18next'
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
import { dashOrFormat, HealthTable, numberColumn } from './health-table'
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
  if (detail.value.flinkHttpsBlocked)
    return (
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="flink-https"
        title={t('jobHealth.flinkHttps')}
        description={t('jobHealth.flinkHttpsBody')}
      />
    )
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

/** In and out of a vertex in one cell, one above the other: two columns each would not fit the drawer. */
function inOut(
  read: 'readRecords' | 'readBytes',
  write: 'writeRecords' | 'writeBytes',
  format: (value: number) => string
) {
  const cell = dashOrFormat(format)
  return (_: unknown, vertex: VertexHealth) => (
    <>
      <div>{cell(vertex[read])}</div>
      <div>{cell(vertex[write])}</div>
    </>
  )
}

/** The drawer body's width (880 px drawer, 24 px padding each side), at every window size. */
const VERTEX_TABLE_WIDTH = 824

/** The vertex columns: 824 px in all, so the last column is in view in the drawer without scrolling. */
function vertexColumns(t: TFunction): ColumnsType<VertexHealth> {
  return [
    {
      title: t('jobHealth.vertex'),
      dataIndex: 'name',
      width: 164,
      ellipsis: { showTitle: true },
      render: (name: string) => <Typography.Text>{name}</Typography.Text>
    },
    { title: t('jobHealth.parallelism'), dataIndex: 'parallelism', width: 90, align: 'right' },
    { title: t('jobHealth.status'), dataIndex: 'status', width: 90, render: (s) => s ?? '—' },
    {
      title: t('jobHealth.recordsInOut'),
      key: 'records',
      width: 120,
      align: 'right',
      render: inOut('readRecords', 'writeRecords', count)
    },
    {
      title: t('jobHealth.bytesInOut'),
      key: 'bytes',
      width: 90,
      align: 'right',
      render: inOut('readBytes', 'writeBytes', formatBytes)
    },
    numberColumn(t('jobHealth.busy'), 'busyPct', 60, (pct) => `${pct}%`),
    {
      title: t('jobHealth.backpressure'),
      dataIndex: 'backpressure',
      width: 118,
      render: (level: BackpressureLevel | null) => <BackpressureTag level={level} />
    },
    {
      title: t('jobHealth.watermark'),
      dataIndex: 'watermark',
      width: 92,
      // The time of day fits; the date is in the tooltip.
      render: (ms: number | null) =>
        ms === null ? (
          t('jobHealth.noWatermark')
        ) : (
          <span title={formatDateTime(ms)}>{formatDateTime(ms).slice(11)}</span>
        )
    }
  ]
}

export function OverviewHealth({ instanceId }: { instanceId: number }) {
  const detail = useJobHealthDetail(instanceId)
  const { t } = useTranslation()
  if (!detail) return null
  const d = detail.value
  const columns = vertexColumns(t)
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
        scrollX={VERTEX_TABLE_WIDTH}
        testId="vertex-table"
      />
    </div>
  )
}
