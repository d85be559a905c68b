/**
 * Flink's Log4j time stamp (`%d{yyyy-MM-dd HH:mm:ss,SSS}`), in the simulated server's zone like Dinky's own times.
 */

import { formatDateTime } from './time-format'

/** `2024-08-27 10:15:30,123`. */
export function formatLogTime(epochMs: number): string {
  const ms = ((epochMs % 1000) + 1000) % 1000
  return `${formatDateTime(epochMs)},${String(ms).padStart(3, '0')}`
}
