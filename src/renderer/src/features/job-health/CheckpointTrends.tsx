/**
 * The Checkpoints tab's trends (issue 24): the trend in words (`shared/checkpoint-trend`), a legend naming the
 * markers and reference lines, and three charts over the history: end-to-end duration (with the configured
 * interval and timeout as lines), checkpointed size and full state size; failed checkpoints crossed.
 */
import { Alert, Typography, theme } from 'antd'
import type { TFunction } from 'i18next'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { checkpointTrend, type TrendFact } from '../../../../shared/checkpoint-trend'
import type { CheckpointConfig, CheckpointEntry } from '../../../../shared/job-health'
import { formatBytes, formatDateTime, formatDuration } from '../../format/units'
import {
  buildTrendChart,
  durationRefs,
  trendPoints,
  type TrendField,
  type TrendRef
} from './checkpoint-chart-geometry'
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  CheckpointTrendChart,
  Cross,
  refColour,
  type TrendLook
} from './CheckpointTrendChart'

/** An axis duration: milliseconds under a second, seconds with up to two decimals under a minute. */
export function axisDuration(ms: number, t: TFunction): string {
  if (ms === 0) return '0'
  if (ms < 1000) return t('units.duration.ms', { value: Math.round(ms) })
  if (ms < 60_000) return t('units.duration.s', { value: Number((ms / 1000).toFixed(2)) })
  return formatDuration(ms, t)
}

/** One fact in the UI language. */
export function trendWords(fact: TrendFact, t: TFunction): string {
  const span = 'spanMs' in fact ? formatDuration(fact.spanMs, t) : ''
  return t(`checkpointTrends.words.${fact.kind}`, { ...fact, span })
}

const FIELDS: TrendField[] = ['durationMs', 'checkpointedSize', 'stateSize']
const TITLES = {
  durationMs: 'checkpointTrends.duration',
  checkpointedSize: 'checkpointTrends.checkpointedSize',
  stateSize: 'checkpointTrends.stateSize'
} as const

export function CheckpointTrends({
  history,
  config
}: {
  history: CheckpointEntry[]
  config: CheckpointConfig | null
}) {
  const { t, i18n } = useTranslation()
  const { token } = theme.useToken()
  const look: TrendLook = {
    line: token.colorPrimary,
    failed: token.colorError,
    interval: token.colorTextSecondary,
    timeout: token.colorWarning,
    axis: token.colorTextSecondary,
    grid: token.colorBorderSecondary,
    background: token.colorBgElevated
  }
  const facts = useMemo(() => checkpointTrend(history, config), [history, config])
  const refs = durationRefs(config?.intervalMs ?? null, config?.timeoutMs ?? null)
  const charts = useMemo(
    () =>
      FIELDS.map((field) => {
        const points = trendPoints(history, field)
        const shape = buildTrendChart({
          points,
          refs: field === 'durationMs' ? refs : [],
          width: CHART_WIDTH,
          height: CHART_HEIGHT,
          binary: field !== 'durationMs'
        })
        return { field, points, shape }
      }),
    // refs are derived from config.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [history, config]
  )
  const span = charts[0].shape.to !== null && charts[0].shape.from !== null
  const shortSpan = span && charts[0].shape.to! - charts[0].shape.from! < 600_000
  const formatTime = (at: number) => formatDateTime(at).slice(11, shortSpan ? 19 : 16)
  const format = (field: TrendField) => (value: number) =>
    field === 'durationMs' ? axisDuration(value, t) : value === 0 ? '0' : formatBytes(value)
  const refLabel = (key: TrendRef['key'], value: number) =>
    t(`checkpointTrends.legend.${key}`, { value: formatDuration(value, t) })
  const anyFailed = charts[0].points.some((p) => p.failed)
  return (
    <section data-testid="checkpoint-trends">
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('checkpointTrends.title')}
      </Typography.Title>
      <Alert
        type={
          facts.some((f) => f.kind === 'near-timeout' || f.kind === 'failures') ? 'warning' : 'info'
        }
        showIcon
        message={
          <span data-testid="checkpoint-trend-words">
            {facts.map((fact) => trendWords(fact, t)).join(i18n.language === 'zh-CN' ? '' : ' ')}
          </span>
        }
      />
      <div className="checkpoint-trend-legend" data-testid="checkpoint-trend-legend">
        <span>
          <svg width={18} height={10}>
            <line x1={0} x2={18} y1={5} y2={5} stroke={look.line} strokeWidth={1.5} />
            <circle cx={9} cy={5} r={2.5} fill={look.line} />
          </svg>
          {t('checkpointTrends.legend.completed')}
        </span>
        {anyFailed && (
          <span>
            <svg width={12} height={10}>
              <Cross x={6} y={5} colour={look.failed} size={3.5} />
            </svg>
            {t('checkpointTrends.legend.failed')}
          </span>
        )}
        {charts[0].shape.refs.map((ref) => (
          <span key={ref.key} data-ref={ref.key}>
            <svg width={18} height={10}>
              <line
                x1={0}
                x2={18}
                y1={5}
                y2={5}
                stroke={refColour(ref.key, look)}
                strokeWidth={1.5}
                strokeDasharray={ref.key === 'interval' ? '2 3' : '6 3'}
              />
            </svg>
            {ref.offScale
              ? t('checkpointTrends.legend.offScale', { line: refLabel(ref.key, ref.value) })
              : refLabel(ref.key, ref.value)}
          </span>
        ))}
      </div>
      {charts[0].points.length === 0 ? (
        <Typography.Text type="secondary">{t('checkpointTrends.noPoints')}</Typography.Text>
      ) : (
        <div className="checkpoint-trend-charts">
          {charts.map(({ field, points, shape }) => (
            <CheckpointTrendChart
              key={field}
              field={field}
              title={t(TITLES[field])}
              label={t('checkpointTrends.chartLabel', {
                name: t(TITLES[field]),
                count: points.length,
                from: shape.from === null ? '' : formatDateTime(shape.from),
                to: shape.to === null ? '' : formatDateTime(shape.to)
              })}
              shape={shape}
              look={look}
              formatValue={format(field)}
              formatTime={formatTime}
              refLabel={refLabel}
              describe={(id, value, failed) =>
                `#${id} · ${failed ? t('checkpointTrends.legend.failed') : value === null ? '—' : format(field)(value)}`
              }
            />
          ))}
        </div>
      )}
    </section>
  )
}
