/**
 * English strings of the checkpoint trends (issue 24): the charts, their legend, the trend in words and the latest
 * checkpoint by operator in the drawer's Checkpoints tab. Spliced into the catalogue as `checkpointTrends`.
 */
export const checkpointTrendsEnUS = {
  title: 'Checkpoint trends',
  duration: 'End-to-end duration',
  checkpointedSize: 'Checkpointed size',
  stateSize: 'Full state size',
  noPoints: 'No checkpoints in the history yet.',
  legend: {
    completed: 'Completed',
    failed: 'Failed',
    interval: 'Interval {{value}}',
    timeout: 'Timeout {{value}}',
    'interval-timeout': 'Interval = timeout {{value}}',
    offScale: '{{line}} (above the chart)'
  },
  chartLabel: '{{name}}: {{count}} checkpoints from {{from}} to {{to}}',
  words: {
    'too-few': 'Too few checkpoints to tell a trend ({{count}} completed).',
    'near-timeout': 'The latest checkpoint took {{pct}} % of the timeout.',
    failures: '{{failed}} of the last {{of}} checkpoints failed.',
    'duration-doubled': 'Duration doubled over the last {{span}}.',
    'duration-times': 'Duration grew {{factor}}× over the last {{span}}.',
    'duration-grew': 'Duration grew {{pct}} % over the last {{span}}.',
    'duration-fell': 'Duration fell {{pct}} % over the last {{span}}.',
    'state-grew': 'State size grew {{pct}} % in {{span}}.',
    'state-shrank': 'State size shrank {{pct}} % in {{span}}.',
    steady: 'Steady over the last {{span}}.'
  },
  operators: 'Latest checkpoint by operator',
  operatorsOf: 'Latest checkpoint by operator (#{{id}})',
  unavailable: 'Not available: {{why}}',
  operator: 'Operator',
  acknowledged: 'Acked',
  stateSizeColumn: 'State size',
  checkpointedSizeColumn: 'Checkpointed',
  endToEnd: 'End to end',
  syncAsync: 'Sync / async',
  alignment: 'Alignment'
}
