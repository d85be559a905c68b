/**
 * The latest checkpoint by operator (issue 24; Flink's `/checkpoints/details/:id` `tasks`): acknowledged subtasks,
 * sizes and times per operator, or the core's sentence saying why it is not available (shown as inert text).
 */
import { Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useTranslation } from 'react-i18next'
import type { CheckpointOperatorStats, CheckpointOperators } from '../../../../shared/job-health'
import { formatBytes } from '../../format/units'
import { HealthTable, numberColumn } from './health-table'

const ms = (value: number | null) => (value === null ? '—' : `${value} ms`)

export function CheckpointOperatorsTable({ operators }: { operators: CheckpointOperators }) {
  const { t } = useTranslation()
  if ('unavailable' in operators)
    return (
      <>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('checkpointTrends.operators')}
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="checkpoint-operators-unavailable">
          {t('checkpointTrends.unavailable', { why: operators.unavailable })}
        </Typography.Text>
      </>
    )
  const rows = operators.operators.map((op) => ({ ...op, id: op.vertexId }))
  const columns: ColumnsType<CheckpointOperatorStats & { id: string }> = [
    { title: t('checkpointTrends.operator'), dataIndex: 'name', width: 180, ellipsis: true },
    {
      title: t('checkpointTrends.acknowledged'),
      key: 'ack',
      width: 100,
      align: 'right',
      render: (_, op) => `${op.acknowledged ?? '—'}/${op.subtasks ?? '—'}`
    },
    numberColumn(t('checkpointTrends.stateSizeColumn'), 'stateSize', 100, formatBytes),
    numberColumn(
      t('checkpointTrends.checkpointedSizeColumn'),
      'checkpointedSize',
      110,
      formatBytes
    ),
    numberColumn(t('checkpointTrends.endToEnd'), 'endToEndMs', 90, (v) => `${v} ms`),
    {
      title: t('checkpointTrends.syncAsync'),
      key: 'sync',
      width: 110,
      align: 'right',
      // Flink gives these per subtask only: one dash when neither is known.
      render: (_, op) =>
        op.syncMs === null && op.asyncMs === null ? '—' : `${ms(op.syncMs)} / ${ms(op.asyncMs)}`
    },
    numberColumn(t('checkpointTrends.alignment'), 'alignmentMs', 90, (v) => `${v} ms`)
  ]
  return (
    <HealthTable
      title={t('checkpointTrends.operatorsOf', { id: operators.checkpointId })}
      rows={rows}
      columns={columns}
      scrollX={780}
      testId="checkpoint-operators"
    />
  )
}
