/**
 * The vertex panel beside the job graph: a clicked vertex's backpressure said in a sentence and its records per
 * subtask with the skew first (what the operator came for), then its figures and a way to its Metrics tab charts.
 * Closes with its button or Escape (which then leaves the drawer open).
 */
import { CloseOutlined, LineChartOutlined } from '@ant-design/icons'
import { Button, Card, Descriptions, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { VertexHealth } from '../../../../shared/job-health'
import { formatDateTime } from '../../format/units'
import { formatRate, formatRatio } from './vertex-format'
import { SubtaskBars } from './SubtaskBars'
import { isSkewed } from './vertex-look'

interface Props {
  vertex: VertexHealth
  vertices: VertexHealth[]
  onClose: () => void
  onMetrics: () => void
}

const BP_TEXT = {
  ok: 'jobGraph.panel.backpressureOk',
  low: 'jobGraph.panel.backpressureLow',
  high: 'jobGraph.panel.backpressureHigh'
} as const

export function GraphVertexPanel({ vertex, vertices, onClose, onMetrics }: Props) {
  const { t, i18n } = useTranslation()
  const none = t('jobGraph.unknown')
  const count = (n: number | null) => (n === null ? none : n.toLocaleString(i18n.language))
  const names = new Map(vertices.map((v) => [v.id, v.name]))
  const inputs = vertex.inputs ?? []
  const skew = vertex.skew ?? null
  return (
    <Card
      size="small"
      className="graph-vertex-panel"
      data-testid="graph-vertex-panel"
      data-vertex-id={vertex.id}
      title={<span title={vertex.name}>{vertex.name}</span>}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        event.stopPropagation()
        onClose()
      }}
      extra={
        <Button
          size="small"
          type="text"
          icon={<CloseOutlined />}
          aria-label={t('jobGraph.panel.close')}
          onClick={onClose}
        />
      }
    >
      <Typography.Title level={5}>{t('jobGraph.panel.backpressure')}</Typography.Title>
      <Typography.Paragraph data-testid="graph-vertex-backpressure">
        {vertex.backpressure === null
          ? t('jobGraph.panel.backpressureUnknown')
          : t(BP_TEXT[vertex.backpressure])}
      </Typography.Paragraph>
      <Typography.Title level={5}>{t('jobGraph.panel.subtasks')}</Typography.Title>
      {skew && skew.subtasks.length > 0 ? (
        <>
          <Typography.Paragraph type={isSkewed(vertex) ? 'warning' : undefined}>
            {isSkewed(vertex)
              ? t('jobGraph.panel.skewedNote', { ratio: formatRatio(skew.maxPerMean) })
              : t('jobGraph.panel.skew', { ratio: formatRatio(skew.maxPerMean) })}
          </Typography.Paragraph>
          <SubtaskBars subtasks={skew.subtasks} />
        </>
      ) : (
        <Typography.Paragraph type="secondary">
          {t('jobGraph.panel.noSubtasks')}
        </Typography.Paragraph>
      )}
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('jobGraph.panel.id')}>
          <Typography.Text code>{vertex.id}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('jobGraph.panel.status')}>
          {vertex.status ?? none}
        </Descriptions.Item>
        <Descriptions.Item label={t('jobGraph.panel.parallelism')}>
          {vertex.parallelism ?? none}
        </Descriptions.Item>
        <Descriptions.Item label={t('jobGraph.panel.busy')}>
          {vertex.busyPct === null ? none : `${Math.round(vertex.busyPct)} %`}
        </Descriptions.Item>
        <Descriptions.Item label={t('jobGraph.panel.recordsPerSecond')}>
          {formatRate(vertex.recordsInPerSecond, i18n.language)} /{' '}
          {formatRate(vertex.recordsOutPerSecond, i18n.language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('jobGraph.panel.recordsTotal')}>
          {count(vertex.readRecords)} / {count(vertex.writeRecords)}
        </Descriptions.Item>
        <Descriptions.Item label={t('jobGraph.panel.watermark')}>
          {vertex.watermark === null ? none : formatDateTime(vertex.watermark)}
        </Descriptions.Item>
        <Descriptions.Item label={t('jobGraph.panel.inputs')}>
          {inputs.length === 0
            ? t('jobGraph.panel.noInputs')
            : inputs
                .map((i) => `${names.get(i.vertexId) ?? i.vertexId} (${i.shipStrategy ?? none})`)
                .join(', ')}
        </Descriptions.Item>
      </Descriptions>
      <Button icon={<LineChartOutlined />} onClick={onMetrics} data-testid="graph-vertex-metrics">
        {t('jobGraph.panel.metrics')}
      </Button>
    </Card>
  )
}
