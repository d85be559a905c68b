/**
 * One small chart of one vertex × metric, in the style of `Sparkline`: plain SVG, no axes. Pushed samples are a
 * solid line, backfilled ones dashed; our outages are grey bands, holes the server left are hatched red bands. A
 * value that is not a number is shown as text, never drawn as 0.
 */
import { PushpinOutlined } from '@ant-design/icons'
import { theme } from 'antd'
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
  /** Theme colours and texts from the parent, read once for all charts (48 charts update every second). */
  look: ChartLook
  /**
   * Out of view (see `use-visible-charts`): the chart keeps its last drawing and skips every render until it comes
   * back into view, so a sample redraws only the charts one can see.
   */
  offscreen?: boolean
}

/** The key `use-visible-charts` tells this chart by. */
export const chartKey = (vertex: string, metric: string) => JSON.stringify([vertex, metric])

/** memo's test: nothing to redraw while the chart stays out of view, else the usual shallow comparison. */
function sameDrawing(prev: MetricChartProps, next: MetricChartProps): boolean {
  if (prev.offscreen && next.offscreen) return true
  const keys = Object.keys(next) as Array<keyof MetricChartProps>
  return (
    keys.length === Object.keys(prev).length && keys.every((key) => Object.is(prev[key], next[key]))
  )
}

export interface ChartLook {
  push: string
  backfill: string
  outage: string
  hole: string
  pin: string
  pinned: string
  noPoints: string
  textValue: (value: string) => string
  range: (min: number, max: number) => string
}

/** The look of every chart in a view, from the theme and the language. */
export function useChartLook(): ChartLook {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  return useMemo(
    () => ({
      push: token.colorPrimary,
      backfill: token.colorWarning,
      outage: token.colorFillSecondary,
      hole: token.colorError,
      pin: t('metrics.pin'),
      pinned: t('metrics.pinned'),
      noPoints: t('metrics.noPoints'),
      textValue: (value: string) => t('metrics.textValue', { value }),
      range: (min: number, max: number) => t('metrics.range', { min, max })
    }),
    [t, token]
  )
}

export const MetricChart = memo(function MetricChart(props: MetricChartProps) {
  const { points, outages, intervalMs, vertex, metric, from, to, look } = props
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
    <div
      className="metric-chart"
      data-testid="metric-chart"
      data-metric={metric}
      data-chart-key={chartKey(vertex, metric)}
    >
      <div className="metric-chart-head">
        <span className="metric-chart-name" title={metric}>
          {metric}
        </span>
        {props.onPin && (
          <button
            type="button"
            className="metric-pin"
            disabled={props.pinned}
            title={props.pinned ? look.pinned : look.pin}
            aria-label={look.pin}
            onClick={() => props.onPin?.(vertex, metric)}
          >
            <PushpinOutlined />
          </button>
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
            <line x1="0" y1="0" x2="0" y2="6" stroke={look.hole} strokeWidth="2" opacity="0.5" />
          </pattern>
        </defs>
        {shape.bands.map((band) => (
          <rect
            key={`${band.kind}-${band.x}`}
            x={band.x}
            y={0}
            width={band.width}
            height={HEIGHT}
            fill={band.kind === 'outage' ? look.outage : `url(#${hatch})`}
            data-band={band.kind}
          />
        ))}
        {shape.segments.map((segment, i) => (
          <polyline
            key={i}
            points={segment.points}
            fill="none"
            stroke={segment.source === 'push' ? look.push : look.backfill}
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
            {shape.last.numeric ? shape.last.value : look.textValue(shape.last.value)}
          </span>
        ) : (
          <span className="metric-chart-muted">{look.noPoints}</span>
        )}
        {shape.last?.numeric && (
          <span className="metric-chart-muted">{look.range(shape.min, shape.max)}</span>
        )}
      </div>
    </div>
  )
}, sameDrawing)
