/**
 * One small chart of one vertex × metric, in the style of `Sparkline`: plain SVG, no axes. Pushed samples are a
 * solid line, backfilled ones dashed; our outages are grey bands, holes the server left are hatched red bands. A
 * value that is not a number is shown as text, never drawn as 0.
 */
import { PushpinOutlined } from '@ant-design/icons'
import { Button, theme } from 'antd'
import { memo, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { MetricsPoint, MetricsRange } from '../../../../shared/metrics'
import { formatDateTime } from '../../format/units'
import { buildChart } from './chart-geometry'

const WIDTH = 240
const HEIGHT = 56

export interface MetricChartProps {
  points: readonly MetricsPoint[]
  outages: readonly MetricsRange[]
  intervalMs: number
  vertex: string
  metric: string
  from: number
  to: number
  /** Stable across renders (the chart is memoized): called with this chart's vertex and metric. */
  onPin?: (vertex: string, metric: string) => void
  pinned?: boolean
}

export const MetricChart = memo(function MetricChart(props: MetricChartProps) {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const { points, outages, intervalMs, vertex, metric, from, to } = props
  const shape = useMemo(
    () =>
      buildChart({
        points,
        vertex,
        metric,
        from,
        to,
        outages,
        intervalMs,
        width: WIDTH,
        height: HEIGHT
      }),
    [points, vertex, metric, from, to, outages, intervalMs]
  )
  const hatch = `hole-${vertex}-${metric}`.replace(/[^a-zA-Z0-9_-]/g, '_')
  return (
    <div className="metric-chart" data-testid="metric-chart" data-metric={metric}>
      <div className="metric-chart-head">
        <span className="metric-chart-name" title={metric}>
          {metric}
        </span>
        {props.onPin && (
          <Button
            size="small"
            type="text"
            disabled={props.pinned}
            icon={<PushpinOutlined />}
            title={props.pinned ? t('metrics.pinned') : t('metrics.pin')}
            aria-label={t('metrics.pin')}
            onClick={() => props.onPin?.(vertex, metric)}
          />
        )}
      </div>
      <svg
        width="100%"
        height={HEIGHT}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={metric}
      >
        <defs>
          <pattern
            id={hatch}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <line
              x1="0"
              y1="0"
              x2="0"
              y2="6"
              stroke={token.colorError}
              strokeWidth="2"
              opacity="0.5"
            />
          </pattern>
        </defs>
        {shape.bands.map((band) => (
          <rect
            key={`${band.kind}-${band.x}`}
            x={band.x}
            y={0}
            width={band.width}
            height={HEIGHT}
            fill={band.kind === 'outage' ? token.colorFillSecondary : `url(#${hatch})`}
            data-band={band.kind}
          />
        ))}
        {shape.segments.map((segment, i) => (
          <polyline
            key={i}
            points={segment.points}
            fill="none"
            stroke={segment.source === 'push' ? token.colorPrimary : token.colorWarning}
            strokeWidth={1.5}
            strokeDasharray={segment.source === 'backfill' ? '4 2' : undefined}
            vectorEffect="non-scaling-stroke"
            data-source={segment.source}
          />
        ))}
      </svg>
      <div className="metric-chart-foot">
        {shape.last ? (
          <span
            className={shape.last.numeric ? 'metric-chart-last' : 'metric-chart-last text'}
            title={formatDateTime(shape.last.at)}
            data-testid="metric-last"
          >
            {shape.last.numeric
              ? shape.last.value
              : t('metrics.textValue', { value: shape.last.value })}
          </span>
        ) : (
          <span className="metric-chart-muted">{t('metrics.noPoints')}</span>
        )}
        {shape.last?.numeric && (
          <span className="metric-chart-muted">
            {t('metrics.range', { min: shape.min, max: shape.max })}
          </span>
        )}
      </div>
    </div>
  )
})
