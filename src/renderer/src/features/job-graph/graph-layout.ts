/**
 * The job graph's geometry: Flink's plan (each vertex's `inputs`) laid out left to right by dagre. A layout costs
 * milliseconds on a 30-vertex plan, so it runs only when the plan's structure changes: results are kept by a
 * structural key (vertex ids and edges), and a detail update that only brings new figures reuses the same layout.
 */
import dagre from '@dagrejs/dagre'
import type { VertexHealth } from '../../../../shared/job-health'

export const VERTEX_WIDTH = 196
export const VERTEX_HEIGHT = 98

export interface PlacedVertex {
  id: string
  /** Top-left corner. */
  x: number
  y: number
}

export interface PlacedEdge {
  from: string
  to: string
  /** The polyline dagre routed, as an SVG path. */
  path: string
  /** Where the ship strategy label goes. */
  labelX: number
  labelY: number
}

export interface GraphLayout {
  key: string
  width: number
  height: number
  vertices: PlacedVertex[]
  edges: PlacedEdge[]
}

/** Vertex ids and their edges (an input naming an unknown vertex is dropped, as the layout drops it). */
export function structuralKey(vertices: readonly VertexHealth[]): string {
  const ids = new Set(vertices.map((v) => v.id))
  return vertices
    .map((v) => {
      const inputs = (v.inputs ?? []).filter((i) => ids.has(i.vertexId) && i.vertexId !== v.id)
      return `${v.id}<${inputs.map((i) => i.vertexId).join(',')}`
    })
    .join('|')
}

function pathOf(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join('')
}

/** Runs dagre (left to right) on the plan; only `layoutOf` should call this. */
export function computeLayout(vertices: readonly VertexHealth[]): GraphLayout {
  const g = new dagre.graphlib.Graph<
    object,
    { width: number; height: number; x?: number; y?: number }
  >({
    multigraph: false
  })
  g.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 64, marginx: 16, marginy: 16 })
  g.setDefaultEdgeLabel(() => ({}))
  const ids = new Set(vertices.map((v) => v.id))
  for (const v of vertices) g.setNode(v.id, { width: VERTEX_WIDTH, height: VERTEX_HEIGHT })
  for (const v of vertices)
    for (const input of v.inputs ?? [])
      if (ids.has(input.vertexId) && input.vertexId !== v.id)
        g.setEdge(input.vertexId, v.id, { width: 60, height: 14, labelpos: 'c' })
  dagre.layout(g)
  const label = g.graph() as { width?: number; height?: number }
  return {
    key: structuralKey(vertices),
    width: label.width ?? 0,
    height: label.height ?? 0,
    vertices: vertices.map((v) => {
      const node = g.node(v.id)
      return { id: v.id, x: (node.x ?? 0) - VERTEX_WIDTH / 2, y: (node.y ?? 0) - VERTEX_HEIGHT / 2 }
    }),
    edges: g.edges().map((e) => {
      const edge = g.edge(e) as { points?: { x: number; y: number }[]; x?: number; y?: number }
      const points = edge.points ?? []
      const middle = points[Math.floor(points.length / 2)] ?? { x: 0, y: 0 }
      return {
        from: e.v,
        to: e.w,
        path: pathOf(points),
        labelX: edge.x ?? middle.x,
        labelY: edge.y ?? middle.y
      }
    })
  }
}

/** A few recent layouts, so reopening a drawer or switching back to a job does not lay it out again. */
const kept = new Map<string, GraphLayout>()
const KEEP = 8

/** The plan's layout: computed once per structure, then reused for every update of the same plan. */
export function layoutOf(vertices: readonly VertexHealth[]): GraphLayout {
  const key = structuralKey(vertices)
  const known = kept.get(key)
  if (known) return known
  const layout = computeLayout(vertices)
  kept.set(key, layout)
  if (kept.size > KEEP) kept.delete(kept.keys().next().value as string)
  return layout
}
