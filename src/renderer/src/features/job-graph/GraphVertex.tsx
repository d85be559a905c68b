/**
 * One vertex of the job graph, as an SVG group: name (ellipsis, the full name in its title), parallelism, busy %,
 * records in/out per second, backpressure and skew in words, watermark. Focusable with an accessible name; Enter
 * or Space opens it like a click. Memoized on its figures, so a detail update redraws only what changed.
 */
import { memo, type KeyboardEvent } from 'react'
import type { VertexHealth } from '../../../../shared/job-health'
import { VERTEX_HEIGHT, VERTEX_WIDTH } from './graph-layout'
import { vertexLook } from './vertex-look'
import { glanceLines, VertexGlance, VertexLines } from './VertexLines'
import type { VertexWords } from './vertex-words'
import { fill } from './vertex-words'
import { formatRatio } from './vertex-format'

interface Props {
  vertex: VertexHealth
  x: number
  y: number
  dark: boolean
  words: VertexWords
  /** Below about half size the five lines are unreadable: two large ones say busy % and the trouble instead. */
  glance: number | null
  selected: boolean
  onOpen: (id: string) => void
}

export const GraphVertex = memo(function GraphVertex({
  vertex,
  x,
  y,
  dark,
  words,
  glance,
  selected,
  onOpen
}: Props) {
  const look = vertexLook(vertex, dark)
  const unknown = words.unknown
  const busy = vertex.busyPct === null ? unknown : `${Math.round(vertex.busyPct)} %`
  const level = words.level[look.backpressure]
  const ratio = vertex.skew ? formatRatio(vertex.skew.maxPerMean) : null
  const name = vertex.name || vertex.id
  const spoken = fill(words.vertexLabel, {
    name,
    parallelism: vertex.parallelism ?? unknown,
    busy,
    backpressure: level,
    skew: look.skewed && ratio ? fill(words.skewSpoken, { ratio }) : ''
  })
  // Zoomed out, the name starts with the two lines drawn, so what is seen is what is said (axe's
  // label-content-name-mismatch); the lines are hidden from assistive technology below.
  const label =
    glance === null
      ? spoken
      : `${glanceLines({ vertex, words, look }).filter(Boolean).join(' ')}: ${spoken}`
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return
    event.preventDefault()
    onOpen(vertex.id)
  }
  const hatch = look.backpressure === 'ok' ? null : `url(#graph-hatch-${look.backpressure})`
  const transform = `translate(${x},${y})`
  // The drawn lines sit beside the button, not in it: its name (the label) says all of them in words, and text
  // inside a button must be part of its name (axe: label-content-name-mismatch), which a cut name never is.
  return (
    <>
      <g
        data-testid="graph-vertex"
        data-vertex-id={vertex.id}
        data-backpressure={look.backpressure}
        data-skewed={String(look.skewed)}
        data-busy={vertex.busyPct ?? ''}
        className="graph-vertex"
        transform={transform}
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
          // The skew and selection borders keep their width on screen however far the graph is zoomed out.
          vectorEffect="non-scaling-stroke"
        />
        {hatch && <rect width={VERTEX_WIDTH} height={VERTEX_HEIGHT} rx={6} fill={hatch} />}
      </g>
      <g transform={transform} aria-hidden="true" pointerEvents="none">
        {glance === null ? (
          <VertexLines vertex={vertex} words={words} look={look} halo={hatch !== null} />
        ) : (
          <VertexGlance vertex={vertex} words={words} look={look} zoom={glance} />
        )}
      </g>
    </>
  )
})
