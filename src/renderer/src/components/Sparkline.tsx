/** A small time-series chart in plain SVG: the shape of the last half hour matters more than axes. */
import { theme } from 'antd'
import { maxOf } from '../../../shared/array-bounds'

export interface SparklineProps {
  values: readonly number[]
  width?: number
  height?: number
  /** Fixed top of the scale (e.g. heap max); otherwise the largest value. */
  max?: number
  label: string
}

export function Sparkline({ values, width = 240, height = 48, max, label }: SparklineProps) {
  const { token } = theme.useToken()
  const box = {
    width: '100%',
    height,
    viewBox: `0 0 ${width} ${height}`,
    preserveAspectRatio: 'none'
  }
  if (values.length < 2) return <svg {...box} role="img" aria-label={label} />
  const top = maxOf(values, max ?? 0) || 1
  const step = width / (values.length - 1)
  const points = values.map((value, i) => {
    const x = i * step
    const y = height - 2 - (value / top) * (height - 4)
    return `${x.toFixed(1)},${y.toFixed(1)}`
  })
  const area = `0,${height} ${points.join(' ')} ${width},${height}`
  return (
    <svg {...box} role="img" aria-label={label} data-testid="sparkline">
      <polygon points={area} fill={token.colorPrimaryBg} />
      <polyline
        points={points.join(' ')}
        fill="none"
        stroke={token.colorPrimary}
        strokeWidth={1.5}
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  )
}
