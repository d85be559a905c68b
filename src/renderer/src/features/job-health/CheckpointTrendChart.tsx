/**
 * One checkpoint trend chart (issue 24) in the app's plain-SVG chart style (`metrics/MetricChart`): a y axis from
 * zero with its unit, the completed checkpoints as a line with dots, failed ones as red crosses (a shape, not only a
 * colour; the legend names it), and reference lines (interval, timeout) dashed and labelled on the line itself (the label haloed in the background colour).
 */
import type { TrendChartShape, TrendRef } from './checkpoint-chart-geometry'

/** About the width each chart gets in the drawer, so its 10-unit labels show near 10 px. */
export const CHART_WIDTH = 260
export const CHART_HEIGHT = 130

/** Theme colours, read once by the parent (the tokens differ in dark mode). */
export interface TrendLook {
  line: string
  failed: string
  interval: string
  timeout: string
  axis: string
  grid: string
  /** Behind labels, so a line or marker under one does not make it unreadable. */
  background: string
}

export function refColour(key: string, look: TrendLook): string {
  return key === 'interval' ? look.interval : look.timeout
}

/** A red cross: the failed checkpoint's marker, here and in the legend. */
export function Cross({
  x,
  y,
  colour,
  size = 4
}: {
  x: number
  y: number
  colour: string
  size?: number
}) {
  return (
    <path
      d={`M${x - size},${y - size}L${x + size},${y + size}M${x - size},${y + size}L${x + size},${y - size}`}
      stroke={colour}
      strokeWidth={2}
    />
  )
}

export function CheckpointTrendChart(props: {
  field: string
  title: string
  label: string
  shape: TrendChartShape
  look: TrendLook
  formatValue: (value: number) => string
  formatTime: (at: number) => string
  refLabel: (key: TrendRef['key'], value: number) => string
  describe: (id: number, value: number | null, failed: boolean) => string
}) {
  const { shape, look, plot } = { ...props, plot: props.shape.plot }
  return (
    <figure className="checkpoint-trend-chart" data-testid="trend-chart" data-field={props.field}>
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`} role="img" aria-label={props.label}>
        {shape.ticks.map((tick) => (
          <g key={tick.value}>
            <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} stroke={look.grid} />
            <text x={plot.left - 4} y={tick.y + 3} textAnchor="end" fontSize={10} fill={look.axis}>
              {props.formatValue(tick.value)}
            </text>
          </g>
        ))}
        {shape.from !== null && shape.to !== null && (
          <>
            <text x={plot.left} y={CHART_HEIGHT - 5} fontSize={10} fill={look.axis}>
              {props.formatTime(shape.from)}
            </text>
            <text
              x={plot.right}
              y={CHART_HEIGHT - 5}
              textAnchor="end"
              fontSize={10}
              fill={look.axis}
            >
              {props.formatTime(shape.to)}
            </text>
          </>
        )}
        {shape.refs
          .filter((ref) => !ref.offScale)
          .map((ref) => (
            <g key={ref.key} data-testid="trend-ref" data-ref={ref.key}>
              <line
                x1={plot.left}
                x2={plot.right}
                y1={ref.y}
                y2={ref.y}
                stroke={refColour(ref.key, look)}
                strokeWidth={1.5}
                strokeDasharray={ref.key === 'interval' ? '2 3' : '6 3'}
              />
              <text
                x={plot.left + 4}
                y={ref.y - 3}
                fontSize={10}
                fill={refColour(ref.key, look)}
                stroke={look.background}
                strokeWidth={3}
                paintOrder="stroke"
              >
                {props.refLabel(ref.key, ref.value)}
              </text>
            </g>
          ))}
        {shape.dots.length > 1 && (
          <polyline points={shape.line} fill="none" stroke={look.line} strokeWidth={1.5} />
        )}
        {shape.dots.map((dot) => (
          <circle
            key={dot.id}
            cx={dot.x}
            cy={dot.y}
            r={2.5}
            fill={look.line}
            data-testid="trend-dot"
          >
            <title>{props.describe(dot.id, dot.value, false)}</title>
          </circle>
        ))}
        {shape.failed.map((mark) => (
          <g key={mark.id} data-testid="trend-failed">
            <title>{props.describe(mark.id, null, true)}</title>
            <Cross x={mark.x} y={mark.y} colour={look.failed} />
          </g>
        ))}
      </svg>
    </figure>
  )
}
