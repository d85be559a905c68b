/**
 * One vertex of the job graph, as an SVG group: name (ellipsis, the full name in its title), parallelism, busy %,
 * records in/out per second, backpressure and skew in words, watermark. Focusable with an accessible name; Enter
 * or Space opens it like a click. Memoized on its figures, so a detail update redraws only what changed.
 */
import { memo, type KeyboardEvent } from 'react'
import type { VertexHealth } from '../../../../shared/job-health'
import { formatClock } from '../../format/units'
import { VERTEX_HEIGHT, VERTEX_WIDTH } from './graph-layout'
import { vertexLook } from './vertex-look'
import { fill, type VertexWords } from './vertex-words'

/** Roughly how many characters of the name fit on the vertex's first line. */
const NAME_CHARS = 26

export function ellipsis(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** One formatter per language: building an Intl formatter costs far more than using one (60 per redraw). */
const rateFormats = new Map<string, Intl.NumberFormat>()

/** Records per second, compact ("1.2K", "3.4万"). */
export function formatRate(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  let format = rateFormats.get(language)
  if (!format) {
    format = new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 })
    rateFormats.set(language, format)
  }
  return format.format(value)
}

export const formatRatio = (ratio: number) => ratio.toFixed(1)

interface Props {
  vertex: VertexHealth
  x: number
  y: number
  dark: boolean
  words: VertexWords
  selected: boolean
  onOpen: (id: string) => void
}

export const GraphVertex = memo(function GraphVertex({
  vertex,
  x,
  y,
  dark,
  words,
  selected,
  onOpen
}: Props) {
  const look = vertexLook(vertex, dark)
  const unknown = words.unknown
  const busy = vertex.busyPct === null ? unknown : `${Math.round(vertex.busyPct)} %`
  const level = words.level[look.backpressure]
  const ratio = vertex.skew ? formatRatio(vertex.skew.maxPerMean) : null
  const name = vertex.name || vertex.id
  const label = fill(words.vertexLabel, {
    name,
    parallelism: vertex.parallelism ?? unknown,
    busy,
    backpressure: level,
    skew: look.skewed && ratio ? fill(words.skewSpoken, { ratio }) : ''
  })
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return
    event.preventDefault()
    onOpen(vertex.id)
  }
  const line = (row: number) => 20 + row * 17
  const hatch = look.backpressure === 'ok' ? null : `url(#graph-hatch-${look.backpressure})`
  return (
    <g
      data-testid="graph-vertex"
      data-vertex-id={vertex.id}
      data-backpressure={look.backpressure}
      data-skewed={String(look.skewed)}
      data-busy={vertex.busyPct ?? ''}
      className="graph-vertex"
      transform={`translate(${x},${y})`}
      tabIndex={0}
      role="button"
      aria-label={label}
      aria-pressed={selected}
      onClick={() => onOpen(vertex.id)}
      onKeyDown={onKeyDown}
    >
      <title>{name}</title>
      <rect
        width={VERTEX_WIDTH}
        height={VERTEX_HEIGHT}
        rx={6}
        fill={look.fill}
        stroke={selected ? (dark ? '#69b1ff' : '#1677ff') : look.stroke}
        strokeWidth={selected || look.skewed ? 3 : 1}
        strokeDasharray={look.skewed && !selected ? '7 3' : undefined}
      />
      {hatch && <rect width={VERTEX_WIDTH} height={VERTEX_HEIGHT} rx={6} fill={hatch} />}
      <g fill={look.text} fontSize={12}>
        <text x={8} y={line(0)} fontWeight={600}>
          {ellipsis(name, NAME_CHARS)}
        </text>
        <text x={8} y={line(1)}>
          {fill(words.parallelism, { value: vertex.parallelism ?? unknown })} ·{' '}
          {fill(words.busy, { value: busy })}
        </text>
        <text x={8} y={line(2)}>
          {fill(words.inOut, {
            in: formatRate(vertex.recordsInPerSecond, words.language),
            out: formatRate(vertex.recordsOutPerSecond, words.language)
          })}
        </text>
        <text x={8} y={line(3)} fontWeight={look.backpressure === 'ok' ? 400 : 700}>
          {fill(words.backpressure, { level })}
          {ratio &&
            (look.skewed
              ? ` · ⚠ ${fill(words.skewed, { ratio })}`
              : ` · ${fill(words.skew, { ratio })}`)}
        </text>
        <text x={8} y={line(4)}>
          {vertex.watermark === null
            ? words.noWatermark
            : fill(words.watermark, { time: formatWatermark(vertex.watermark) })}
        </text>
      </g>
    </g>
  )
})

/** `HH:MM:SS` of a watermark; Flink's "no watermark" (Long.MIN_VALUE) never reaches here as a number. */
export function formatWatermark(epochMs: number): string {
  const seconds = String(new Date(epochMs).getSeconds()).padStart(2, '0')
  return `${formatClock(epochMs)}:${seconds}`
}
