/**
 * English strings of the job graph (issue 24): the drawer's Graph tab, its vertices and the vertex panel. Spliced
 * into the catalogue as its `jobGraph` key; zh-CN mirrors it.
 */
export const graphEnUS = {
  tab: 'Graph',
  label: 'Job graph of {{name}}: {{count}} vertices',
  noPlan: 'No plan known yet: Dinky has not sent this job’s vertices.',
  vertexLabel:
    '{{name}}: parallelism {{parallelism}}, busy {{busy}}, backpressure {{backpressure}}{{skew}}',
  skewSpoken: ', skewed {{ratio}} max/mean',
  parallelism: 'P {{value}}',
  busy: 'busy {{value}}',
  inOut: 'in {{in}}/s · out {{out}}/s',
  backpressure: 'BP {{level}}',
  skew: 'skew {{ratio}}×',
  skewed: 'SKEWED {{ratio}}×',
  watermark: 'WM {{time}}',
  noWatermark: 'WM none',
  unknown: '—',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  fit: 'Fit to view',
  legendIdle: 'idle',
  legendBusy: 'busy',
  legendHatched: 'hatched: backpressured',
  legendSkewed: 'orange border: skewed',
  panel: {
    close: 'Close vertex panel',
    id: 'Vertex id',
    status: 'Status',
    parallelism: 'Parallelism',
    busy: 'Busy (busiest subtask)',
    backpressure: 'Backpressure',
    backpressureOk: 'No backpressure: downstream keeps up.',
    backpressureLow: 'Backpressure LOW: downstream sometimes slows this vertex.',
    backpressureHigh:
      'Backpressure HIGH: this vertex waits on a slow downstream vertex most of the time. Look for the busy (red) vertex after it.',
    backpressureUnknown: 'Flink gave no backpressure figure.',
    recordsPerSecond: 'Records per second in / out',
    recordsTotal: 'Records in / out (total)',
    watermark: 'Watermark (lowest subtask)',
    inputs: 'Inputs',
    noInputs: 'none (a source)',
    subtasks: 'Records per subtask',
    noSubtasks: 'Flink gave no subtask figures for this vertex.',
    skew: 'Skew (max/mean): {{ratio}}',
    skewedNote: 'Skewed: the busiest subtask handles {{ratio}} times the mean.',
    subtask: 'Subtask {{index}}',
    metrics: 'Open the Metrics tab'
  }
}
