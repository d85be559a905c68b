/**
 * English strings of the timeline (issue 22): the job drawer's Timeline tab, the Overview's recent events and the
 * "while you were away" summary. Spliced into the catalogue as its `timeline` key; zh-CN mirrors it.
 */
export const timelineEnUS = {
  tab: 'Timeline',
  openAlerts: 'Open alerts of this job',
  empty: 'Nothing recorded for this job yet.',
  noneOfKinds: 'No events of the chosen kinds.',
  loadFailed: 'Could not load the timeline: {{message}}',
  filterKinds: 'All kinds',
  exportCsv: 'Export CSV',
  exportJson: 'Export JSON',
  exported: 'Saved to {{path}}',
  exportFailed: 'Could not export the timeline: {{message}}',
  kinds: {
    status: 'Status',
    restart: 'Restarts',
    'checkpoint-failures': 'Checkpoint failures',
    savepoint: 'Savepoints',
    alert: 'Alerts',
    action: 'Console actions',
    gap: 'Gaps'
  },
  status: 'Status {{from}} → {{to}}',
  statusFirst: 'Status {{to}}',
  restartOne: 'Restarted once ({{total}} in all)',
  restartMany: 'Restarted {{count}} times ({{total}} in all)',
  checkpointFailuresOne: '1 checkpoint failed at {{from}}',
  checkpointFailures: '{{count}} checkpoints failed, {{from}}–{{to}}',
  checkpointFailuresAt: '{{count}} checkpoints failed at {{from}}',
  savepoint: 'Savepoint taken',
  alert: {
    firing: 'Alert fired',
    resolved: 'Alert resolved',
    unknown: 'Alert unknown (data not live)',
    acknowledged: 'Alert acknowledged',
    snoozed: 'Alert snoozed',
    repeat: 'Alert still firing'
  },
  severity: { critical: 'Critical', warning: 'Warning', info: 'Info' },
  rule: 'rule {{rule}}',
  action: {
    cancel: 'Cancel',
    stop: 'Stop',
    restart: 'Restart',
    savepoint: 'Savepoint',
    restore: 'Restore'
  },
  actionDone: '{{action}} from the console: done',
  actionFailed: '{{action}} from the console: failed',
  gapReason: {
    'console-closed': 'console closed',
    offline: 'this computer offline',
    unreachable: 'server unreachable'
  },
  gap: 'No data: {{reason}} {{from}}–{{to}} ({{duration}})',
  gapOngoing: 'No data since {{from}}: {{reason}}',
  serverEvent: 'Server',
  settings: {
    title: 'Timeline',
    maxAgeDays: 'Keep events for (days)',
    maxEvents: 'Keep at most (events per server)',
    help: 'Older events are dropped first. A gap stays as long as any part of it is within the period.'
  },
  recent: {
    title: 'Recent events',
    empty: 'No events recorded yet.'
  },
  away: {
    title: 'While you were away',
    since: '{{server}}: since {{since}} ({{ago}}), up to {{until}}',
    nothing: 'No job changed status.',
    newJob: 'new',
    goneJob: 'gone',
    restarts: '{{count}} restarts',
    counts: {
      alert: 'Alerts: {{count}}',
      'checkpoint-failures': 'Checkpoint failures: {{count}}',
      restart: 'Restarts: {{count}}',
      status: 'Status changes: {{count}}',
      savepoint: 'Savepoints: {{count}}',
      action: 'Console actions: {{count}}',
      gap: 'Gaps: {{count}}'
    },
    more: 'and {{count}} more',
    dismiss: 'Dismiss',
    openTimeline: 'Open the timeline'
  }
}
