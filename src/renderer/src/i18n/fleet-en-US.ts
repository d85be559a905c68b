/**
 * English strings of the fleet overview (issue 23): one card per server with its state, freshness and figures. Kept
 * in its own module and spliced into the catalogue as `fleet`, like the alerts and timeline strings.
 */
export const fleetEnUS = {
  summary: '{{live}} of {{total}} servers live',
  none: 'No server configured',
  openServer: "Open {{name}}'s overview",
  cardLabel: '{{name}}: {{state}}',
  state: {
    live: 'Live',
    connecting: 'Connecting…',
    reconnecting: 'Reconnecting (attempt {{attempt}})',
    offline: 'Offline',
    'auth-expired': 'Login expired',
    stopped: 'Stopped',
    degraded: 'Live by polling',
    unknown: 'Not connected'
  },
  /** Reconnecting, and never reached in this run: all it shows came from the cache. */
  unreachable: 'Unreachable (attempt {{attempt}})',
  reason: 'Why: {{reason}}',
  version: 'Dinky {{version}}',
  versionUnknown: 'Dinky version not known yet',
  transport: { sse: 'SSE', ws: 'WebSocket' },
  cached: 'Cached figures from {{time}}, {{ago}}',
  asOf: 'Figures from {{time}}, {{ago}}',
  noData: 'Nothing read yet',
  jobs: 'Jobs: {{count}}',
  failing: 'Failing: {{count}}',
  noFailing: 'No failing jobs',
  moreFailing: 'and {{count}} more',
  openJob: 'Open {{job}} on {{server}}',
  alertsFiring: 'Alerts firing: {{count}}',
  noAlerts: 'No alerts firing',
  clusters: 'Clusters available: {{available}} of {{total}}',
  clustersUnknown: 'Clusters not read yet',
  readOnly: 'Read-only',
  readOnlyHint: 'Watched only: no action that changes Dinky is taken on this server'
}
