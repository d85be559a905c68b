/** The colour of a connection state's dot, the same in the top bar's badge and in Diagnostics' history. */
import type { ConnectionState } from '../../../../shared/connection'

type BadgeStatus = 'success' | 'processing' | 'warning' | 'error' | 'default'

export const CONNECTION_DOT: Record<ConnectionState['kind'], BadgeStatus> = {
  live: 'success',
  connecting: 'processing',
  reconnecting: 'warning',
  offline: 'error',
  'auth-expired': 'error',
  stopped: 'default',
  degraded: 'warning'
}
