/**
 * Job plans for the graph's tests and its bench, shaped as the core maps Flink's plan (`VertexHealth` with
 * `inputs`): a simple 4-vertex chain, or a layered plan of any size with fan-in and fan-out, one backpressured
 * vertex (HIGH, before a busy one) and one skewed vertex. `tick` moves the figures, never the structure.
 */
import type { JobHealthDetail, VertexHealth } from '../../src/shared/job-health'
import type { Fresh } from '../../src/shared/models'

const WIDTH = 4

function vertex(
  id: string,
  name: string,
  inputs: VertexHealth['inputs'],
  busyPct: number,
  tick: number
): VertexHealth {
  const rate = 1000 + ((tick * 37 + name.length * 113) % 900)
  return {
    id,
    name,
    parallelism: 4,
    status: 'RUNNING',
    durationMs: 60_000 + tick * 3_000,
    readRecords: rate * (100 + tick),
    writeRecords: rate * (99 + tick),
    readBytes: null,
    writeBytes: null,
    busyPct,
    backpressure: 'ok',
    watermark: Date.UTC(2026, 11, 7, 14, 0, 0) + tick * 3_000,
    inputs,
    recordsInPerSecond: inputs && inputs.length > 0 ? rate : null,
    recordsOutPerSecond: rate - 7,
    skew: { maxPerMean: 1.1, subtasks: [rate, rate * 0.9, rate * 1.1, rate] }
  }
}

const NAMES = [
  'Calc(select=[order_id, amount, region])',
  'Filter',
  'Map',
  'LookupJoin(table=[dim_customer])'
]

/** A plan of `count` vertices; 4 gives the simple chain Source → Calc → Window → Sink. */
export function planVertices(count: number, tick = 0): VertexHealth[] {
  if (count <= 4) {
    const names = [
      'Source: orders',
      'Calc(select=[id, amount])',
      'GroupWindowAggregate',
      'Sink: totals'
    ]
    const ships = [null, 'FORWARD', 'HASH', 'FORWARD']
    const chain = names
      .slice(0, count)
      .map((name, i) =>
        vertex(
          `v${i}`,
          name,
          i === 0 ? [] : [{ vertexId: `v${i - 1}`, shipStrategy: ships[i] }],
          [5, 35, 92, 40][i],
          tick
        )
      )
    if (chain[1]) chain[1] = { ...chain[1], backpressure: 'high', busyPct: 12 }
    if (chain[2])
      chain[2] = { ...chain[2], skew: { maxPerMean: 3.2, subtasks: [9000, 1200, 1000, 1100] } }
    return chain
  }
  const vertices: VertexHealth[] = []
  for (let i = 0; i < count; i++) {
    const layer = Math.floor(i / WIDTH)
    const slot = i % WIDTH
    const inputs: NonNullable<VertexHealth['inputs']> = []
    if (layer > 0) {
      const prev = (layer - 1) * WIDTH
      inputs.push({ vertexId: `v${prev + slot}`, shipStrategy: 'FORWARD' })
      // Fan-in on even slots, so the odd vertex of the layer before also fans out.
      if (slot % 2 === 0 && prev + slot + 1 < count)
        inputs.push({ vertexId: `v${prev + slot + 1}`, shipStrategy: 'HASH' })
    }
    const name =
      layer === 0
        ? `Source: kafka_topic_${slot} (orders events from the upstream cluster)`
        : i >= count - WIDTH
          ? `Sink: sink_table_${slot}`
          : `${NAMES[(i + layer) % NAMES.length]} #${i}`
    const busy = (i * 29 + tick * 3) % 100
    vertices.push(vertex(`v${i}`, name, inputs, busy, tick))
  }
  const bp = WIDTH * Math.floor(count / WIDTH / 2)
  vertices[bp] = { ...vertices[bp], backpressure: 'high', busyPct: 8 }
  if (vertices[bp + WIDTH]) vertices[bp + WIDTH] = { ...vertices[bp + WIDTH], busyPct: 97 }
  vertices[bp + 1] = { ...vertices[bp + 1], backpressure: 'low' }
  const skewed = bp + 2
  vertices[skewed] = {
    ...vertices[skewed],
    skew: { maxPerMean: 3.4, subtasks: [12_000, 900, 1_100, 1_000] }
  }
  return vertices
}

export function planDetail(count: number, tick = 0, instanceId = 1): Fresh<JobHealthDetail> {
  return {
    value: {
      instanceId,
      taskId: instanceId,
      name: `plan-${count}`,
      status: 'RUNNING',
      jid: 'a'.repeat(32),
      clusterName: 'prod',
      jobManagerAddress: 'http://flink:8081',
      flinkLost: false,
      errorMsg: null,
      startTime: null,
      durationMs: null,
      parallelism: 4,
      restartStrategy: null,
      executionMode: null,
      vertices: planVertices(count, tick),
      checkpoints: null,
      checkpointConfig: null,
      exceptions: null
    },
    asOf: Date.UTC(2026, 11, 7, 14, 0, 0) + tick * 3_000,
    stale: false
  }
}
