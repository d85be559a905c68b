/**
 * The job graph as SVG: dagre's left-to-right layout of the plan (memoized on its structure, see `layoutOf`), edges
 * labelled with their ship strategy, vertices coloured by busy % and hatched when backpressured. Pan by dragging,
 * zoom with the wheel or the named buttons, fit to the box. A detail update only recolours and relabels.
 */
import { useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { VertexHealth } from '../../../../shared/job-health'
import { GraphLegend } from './GraphLegend'
import { GraphTools } from './GraphTools'
import { GraphVertex } from './GraphVertex'
import { layoutOf } from './graph-layout'
import { usePanZoom } from './use-pan-zoom'
import { vertexWords } from './vertex-words'
import './job-graph.css'

/** The zoom under which vertices show their two-line glance instead of five small lines. */
const GLANCE_BELOW = 0.6

interface Props {
  name: string
  vertices: VertexHealth[]
  dark: boolean
  selectedId: string | null
  onOpen: (id: string) => void
}

/** Stripes keep about their on-screen spacing when the graph is zoomed out (`spread` ≥ 1), so hatching stays seen. */
function HatchPatterns({ dark, spread }: { dark: boolean; spread: number }) {
  const stripe = dark ? 'rgba(255,255,255,0.35)' : 'rgba(0,0,0,0.3)'
  return (
    <defs>
      {(['low', 'high'] as const).map((level) => (
        <pattern
          key={level}
          id={`graph-hatch-${level}`}
          width={(level === 'high' ? 7 : 12) * spread}
          height={(level === 'high' ? 7 : 12) * spread}
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect
            width={(level === 'high' ? 2.5 : 1.5) * spread}
            height={12 * spread}
            fill={stripe}
          />
        </pattern>
      ))}
      <marker
        id="graph-arrow"
        viewBox="0 0 10 10"
        refX="9"
        refY="5"
        markerWidth="7"
        markerHeight="7"
        orient="auto-start-reverse"
      >
        <path d="M0,0L10,5L0,10z" fill="#8c8c8c" />
      </marker>
    </defs>
  )
}

export function JobGraph({ name, vertices, dark, selectedId, onOpen }: Props) {
  const { t, i18n } = useTranslation()
  const words = useMemo(() => vertexWords(t, i18n.language), [t, i18n.language])
  const box = useRef<HTMLDivElement>(null)
  // The same object for as long as the structure holds: the figures change on every poll, the ids and edges do not.
  const layout = layoutOf(vertices)
  const { view, fit, zoomBy, handlers } = usePanZoom(box, layout.width, layout.height, layout.key)
  const byId = new Map(vertices.map((v) => [v.id, v]))
  const ship = new Map(
    vertices.flatMap((v) =>
      (v.inputs ?? []).map((i) => [`${i.vertexId}>${v.id}`, i.shipStrategy] as const)
    )
  )
  const edgeText = dark ? '#bfbfbf' : '#595959'
  return (
    <div className="job-graph-frame">
      <GraphTools zoomBy={zoomBy} fit={fit} />
      <div ref={box} className="job-graph-box" {...handlers}>
        <svg
          data-testid="job-graph"
          data-layout-key={layout.key}
          role="group"
          aria-label={t('jobGraph.label', { name, count: vertices.length })}
          width="100%"
          height="100%"
        >
          <HatchPatterns dark={dark} spread={Math.max(1, 0.8 / view.k)} />
          <g transform={`translate(${view.x},${view.y}) scale(${view.k})`}>
            {layout.edges.map((edge) => {
              const strategy = ship.get(`${edge.from}>${edge.to}`)
              return (
                <g key={`${edge.from}>${edge.to}`} data-testid="graph-edge">
                  <path
                    d={edge.path}
                    fill="none"
                    stroke="#8c8c8c"
                    strokeWidth={1.5}
                    markerEnd="url(#graph-arrow)"
                  />
                  {strategy && (
                    <text
                      x={edge.labelX}
                      y={edge.labelY + 4}
                      fontSize={10}
                      textAnchor="middle"
                      fill={edgeText}
                      className="graph-edge-label"
                    >
                      {strategy}
                    </text>
                  )}
                </g>
              )
            })}
            {layout.vertices.map((placed) => {
              const vertex = byId.get(placed.id)
              return (
                vertex && (
                  <GraphVertex
                    key={placed.id}
                    vertex={vertex}
                    x={placed.x}
                    y={placed.y}
                    dark={dark}
                    words={words}
                    glance={view.k < GLANCE_BELOW ? view.k : null}
                    selected={placed.id === selectedId}
                    onOpen={onOpen}
                  />
                )
              )
            })}
          </g>
        </svg>
      </div>
      <GraphLegend dark={dark} />
    </div>
  )
}
