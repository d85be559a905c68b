/** The connection's state history, newest first: which stream, which state, why, and when. */
import { Badge, Card, Table } from 'antd'
import { useTranslation } from 'react-i18next'
import type { StateChange } from '../../../../shared/connection'
import { formatDateTime } from '../../format/units'
import { CONNECTION_DOT } from '../connection/connection-dot'

const LABEL = {
  live: 'connection.live',
  connecting: 'connection.connecting',
  reconnecting: 'status.RECONNECTING',
  offline: 'connection.offline',
  'auth-expired': 'connection.authExpired',
  stopped: 'connection.stopped',
  degraded: 'proxy.degradedShort'
} as const

export function StateHistoryTable({ history }: { history: StateChange[] }) {
  const { t } = useTranslation()
  const rows = [...history].reverse().map((change, index) => ({ ...change, key: index }))
  return (
    <Card size="small" title={t('diagnostics.history')} style={{ marginBottom: 16 }}>
      <Table
        size="small"
        pagination={{ pageSize: 12, hideOnSinglePage: true }}
        dataSource={rows}
        data-testid="diag-history"
        columns={[
          {
            title: t('diagnostics.at'),
            dataIndex: 'at',
            width: 170,
            render: (at: number) => formatDateTime(at)
          },
          {
            title: t('diagnostics.stream'),
            dataIndex: 'stream',
            width: 110,
            render: (stream: StateChange['stream']) => t(`connection.streams.${stream}`)
          },
          {
            title: t('diagnostics.state'),
            key: 'state',
            width: 130,
            render: (_, change) => (
              <Badge
                status={CONNECTION_DOT[change.state.kind]}
                text={t(LABEL[change.state.kind])}
              />
            )
          },
          {
            title: t('diagnostics.reason'),
            key: 'reason',
            render: (_, change) => {
              if (!('reason' in change.state)) return '—'
              const reason = t(`connection.reasons.${change.state.reason}`)
              const detail = change.state.kind === 'reconnecting' ? change.state.detail : undefined
              return detail ? `${reason}: ${detail}` : reason
            }
          }
        ]}
      />
    </Card>
  )
}
