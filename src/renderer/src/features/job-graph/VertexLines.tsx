/**
 * The words on a job graph vertex: five lines at a readable zoom (name, parallelism and busy, records in/out per
 * second, backpressure and skew, watermark), or, zoomed far out, two large lines with the busy % and the trouble
 * (backpressure or skew), sized to stay about 10 px on screen, so a troubled vertex reads at a glance.
 */
import type { VertexHealth } from '../../../../shared/job-health'
import { ellipsis, formatRate, formatRatio, formatWatermark, NAME_CHARS } from './vertex-format'
import type { VertexLook } from './vertex-look'
import { fill, type VertexWords } from './vertex-words'

interface Props {
  vertex: VertexHealth
  words: VertexWords
  look: VertexLook
}

const line = (row: number) => 20 + row * 17

export function VertexLines({ vertex, words, look, halo }: Props & { halo: boolean }) {
  const unknown = words.unknown
  const busy = vertex.busyPct === null ? unknown : `${Math.round(vertex.busyPct)} %`
  const level = words.level[look.backpressure]
  const ratio = vertex.skew ? formatRatio(vertex.skew.maxPerMean) : null
  const name = vertex.name || vertex.id
  // A halo of the fill behind each letter keeps the words readable over the hatching.
  return (
    <g
      fill={look.text}
      fontSize={12}
      stroke={halo ? look.fill : 'none'}
      strokeWidth={3}
      strokeLinejoin="round"
      paintOrder="stroke"
    >
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
  )
}

/** The zoomed-out lines: busy % and the trouble in words (null when none). */
export function glanceLines({ vertex, words, look }: Props): [string, string | null] {
  const busy = vertex.busyPct === null ? words.unknown : `${Math.round(vertex.busyPct)} %`
  const trouble =
    look.backpressure !== 'ok'
      ? fill(words.backpressure, { level: words.level[look.backpressure] })
      : look.skewed && vertex.skew
        ? `⚠ ${formatRatio(vertex.skew.maxPerMean)}×`
        : null
  return [busy, trouble]
}

/** Busy % and the trouble in words, in letters of about 10 px on screen at `zoom`. */
export function VertexGlance({ vertex, words, look, zoom }: Props & { zoom: number }) {
  const size = Math.min(40, 10 / zoom)
  const [busy, trouble] = glanceLines({ vertex, words, look })
  return (
    <g
      fill={look.text}
      fontSize={size}
      fontWeight={700}
      stroke={look.fill}
      strokeWidth={size / 4}
      strokeLinejoin="round"
      paintOrder="stroke"
    >
      <text x={8} y={8 + size}>
        {busy}
      </text>
      {trouble && (
        <text x={8} y={14 + size * 2}>
          {trouble}
        </text>
      )}
    </g>
  )
}
