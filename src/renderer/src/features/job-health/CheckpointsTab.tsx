/**
 * Checkpoints: counts; the latest completed, failed, savepoint and restore with their ages and sizes; the
 * checkpoint configuration; the history table, where a completed checkpoint or savepoint offers a confirmed
 * "Restore from here" (Dinky's `restartTask` with its path); the trends over the history and the latest checkpoint
 * by operator (issue 24). Null-safe: an absent part says so.
 */
import { Button, Descriptions, Empty, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useTranslation } from 'react-i18next'
import type { CheckpointEntry } from '../../../../shared/job-health'
import { useNow } from '../../components/use-now'
import {
  formatAgo,
  formatBytes,
  formatDateTime,
  formatDuration,
  formatTolerableFailures
} from '../../format/units'
import { AsOfNote } from './AsOfNote'
import { CheckpointOperatorsTable } from './CheckpointOperatorsTable'
import { CheckpointTrends } from './CheckpointTrends'
import { HealthTable, numberColumn } from './health-table'
import { useJobHealthDetail } from './use-job-health'
import { FlinkLostNotice } from './OverviewHealth'
import { useRestore } from './use-restore'

function RestoreButton({
  entry,
  name,
  taskId
}: {
  entry: CheckpointEntry
  name: string
  taskId: number | null
}) {
  const { t } = useTranslation()
  const { gate, restore } = useRestore(taskId)
  const path = entry.externalPath
  if (!path || entry.status !== 'COMPLETED') return null
  const kind = t(entry.isSavepoint ? 'jobHealth.savepoint' : 'jobHealth.checkpoint')
  return (
    <Popconfirm
      title={t('jobHealth.confirmRestore', { name, kind })}
      description={
        <Typography.Text code>{t('jobHealth.confirmRestoreBody', { path })}</Typography.Text>
      }
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      disabled={!gate.enabled}
      onConfirm={() => restore(path)}
      okButtonProps={{ 'data-testid': 'confirm-restore' }}
    >
      <Tooltip title={gate.reason}>
        <Button size="small" disabled={!gate.enabled} data-testid="restore-here">
          {t('jobHealth.restoreHere')}
        </Button>
      </Tooltip>
    </Popconfirm>
  )
}

export function CheckpointsTab({ instanceId }: { instanceId: number }) {
  const detail = useJobHealthDetail(instanceId)
  const { t, i18n } = useTranslation()
  const now = useNow(5_000)
  const { gate, restore } = useRestore(detail?.value.taskId ?? null)
  if (!detail) return <Empty description={t('jobHealth.noData')} />
  const { checkpoints: cp, checkpointConfig: config, name, taskId } = detail.value
  const age = (at: number | null) =>
    at === null ? '' : formatAgo(at, Math.max(now, at), i18n.language)
  const latest = (entry: CheckpointEntry | null, failed = false) =>
    entry ? (
      <Space direction="vertical" size={0}>
        <span>
          #{entry.id} · {age(failed ? entry.ackAt : (entry.ackAt ?? entry.triggerAt))}
          {!failed && entry.stateSize !== null && ` · ${formatBytes(entry.stateSize)}`}
        </span>
        {failed && entry.failureMessage && (
          <Typography.Text type="danger">{entry.failureMessage}</Typography.Text>
        )}
        {!failed && entry.externalPath && (
          <Typography.Text type="secondary" copyable>
            {entry.externalPath}
          </Typography.Text>
        )}
      </Space>
    ) : (
      t('jobHealth.none')
    )
  const yesNo = (value: boolean | null) =>
    value === null ? '—' : t(value ? 'jobHealth.yes' : 'jobHealth.no')
  const columns: ColumnsType<CheckpointEntry> = [
    { title: t('jobHealth.id'), dataIndex: 'id', width: 70 },
    {
      title: t('jobHealth.status'),
      dataIndex: 'status',
      width: 110,
      render: (status: string) => (
        <Tag color={status === 'COMPLETED' ? 'green' : status === 'FAILED' ? 'red' : 'blue'}>
          {status}
        </Tag>
      )
    },
    {
      title: t('jobHealth.type'),
      dataIndex: 'isSavepoint',
      width: 110,
      render: (s: boolean) => t(s ? 'jobHealth.savepoint' : 'jobHealth.checkpoint')
    },
    {
      title: t('jobHealth.triggered'),
      dataIndex: 'triggerAt',
      width: 170,
      render: (at: number | null) => (at === null ? '—' : formatDateTime(at))
    },
    numberColumn(t('jobHealth.endToEnd'), 'durationMs', 100, (ms) => `${ms} ms`),
    numberColumn(t('jobHealth.stateSize'), 'stateSize', 100, formatBytes),
    {
      title: t('jobHealth.acknowledged'),
      key: 'ack',
      width: 90,
      render: (_, e) => `${e.numAcknowledged ?? '—'}/${e.numSubtasks ?? '—'}`
    },
    {
      title: '',
      key: 'restore',
      width: 150,
      render: (_, entry) => <RestoreButton entry={entry} name={name} taskId={taskId} />
    }
  ]
  const latestPath = cp?.latestCompleted?.externalPath ?? null
  return (
    <div data-testid="checkpoints-tab">
      <FlinkLostNotice detail={detail} />
      <Space style={{ marginBottom: 12 }} wrap>
        <AsOfNote fresh={detail} />
        {latestPath && (
          <Popconfirm
            title={t('jobHealth.confirmRestore', { name, kind: t('jobHealth.checkpoint') })}
            description={
              <Typography.Text code>
                {t('jobHealth.confirmRestoreBody', { path: latestPath })}
              </Typography.Text>
            }
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            disabled={!gate.enabled}
            onConfirm={() => restore(latestPath)}
            okButtonProps={{ 'data-testid': 'confirm-restart-latest' }}
          >
            <Tooltip title={gate.reason}>
              <Button disabled={!gate.enabled} data-testid="restart-latest">
                {t('jobHealth.restartLatest')}
              </Button>
            </Tooltip>
          </Popconfirm>
        )}
        {latestPath && gate.readOnly && (
          <Typography.Text type="secondary" data-testid="read-only-note">
            {gate.reason}
          </Typography.Text>
        )}
      </Space>
      {!cp ? (
        <Empty description={t('jobHealth.noCheckpoints')} />
      ) : (
        <>
          <CheckpointTrends history={cp.history} config={config} />
          <Descriptions
            size="small"
            column={5}
            bordered
            layout="vertical"
            style={{ marginTop: 12 }}
            data-testid="checkpoint-counts"
          >
            <Descriptions.Item label={t('jobHealth.total')}>{cp.total}</Descriptions.Item>
            <Descriptions.Item label={t('jobHealth.completed')}>{cp.completed}</Descriptions.Item>
            <Descriptions.Item label={t('jobHealth.failed')}>
              <span data-testid="checkpoints-failed">{cp.failed}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('jobHealth.inProgress')}>{cp.inProgress}</Descriptions.Item>
            <Descriptions.Item label={t('jobHealth.restored')}>{cp.restored}</Descriptions.Item>
          </Descriptions>
          <Descriptions size="small" column={1} bordered style={{ marginTop: 12 }}>
            <Descriptions.Item label={t('jobHealth.latestCompleted')}>
              {latest(cp.latestCompleted)}
            </Descriptions.Item>
            <Descriptions.Item label={t('jobHealth.latestFailed')}>
              {latest(cp.latestFailed, true)}
            </Descriptions.Item>
            <Descriptions.Item label={t('jobHealth.latestSavepoint')}>
              {latest(cp.latestSavepoint)}
            </Descriptions.Item>
            <Descriptions.Item label={t('jobHealth.latestRestored')}>
              {cp.restoredFrom
                ? `${cp.restoredFrom.path ?? '—'} · ${age(cp.restoredFrom.at)}`
                : t('jobHealth.none')}
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
      {config && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('jobHealth.checkpointConfig')}
          </Typography.Title>
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label={t('jobHealth.mode')}>{config.mode ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('jobHealth.interval')}>
              {formatDuration(config.intervalMs, t)}
            </Descriptions.Item>
            <Descriptions.Item label={t('jobHealth.timeout')}>
              {formatDuration(config.timeoutMs, t)}
            </Descriptions.Item>
            <Descriptions.Item label={t('jobHealth.minPause')}>
              {formatDuration(config.minPauseMs, t)}
            </Descriptions.Item>
            <Descriptions.Item label={t('jobHealth.maxConcurrent')}>
              {config.maxConcurrent ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('jobHealth.externalized')}>
              {yesNo(config.externalized)}
            </Descriptions.Item>
            <Descriptions.Item label={t('jobHealth.stateBackend')}>
              {config.stateBackend ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('jobHealth.unaligned')}>
              {yesNo(config.unaligned)}
            </Descriptions.Item>
            <Descriptions.Item label={t('jobHealth.tolerableFailed')}>
              {formatTolerableFailures(config.tolerableFailed, t)}
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
      {detail.value.checkpointOperators && (
        <CheckpointOperatorsTable operators={detail.value.checkpointOperators} />
      )}
      {cp && (
        <HealthTable
          title={t('jobHealth.history')}
          rows={cp.history}
          columns={columns}
          scrollX={900}
          testId="checkpoint-history"
        />
      )}
    </div>
  )
}
