/** The silences of the rules document (issue 22): scope, rule, window and comment, each removable. */
import { Button, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AlertSilence } from '../../../../shared/alerts'
import { formatDateTime } from '../../format/units'

export interface SilencesTableProps {
  silences: AlertSilence[]
  now: number
  onRemove(index: number): void
}

export function SilencesTable({ silences, now, onRemove }: SilencesTableProps) {
  const { t } = useTranslation()
  const time = (iso: string | undefined) => {
    const at = iso ? Date.parse(iso) : NaN
    return Number.isNaN(at) ? (iso ?? '') : formatDateTime(at)
  }
  const scope = (silence: AlertSilence) =>
    [
      silence.server
        ? t('alerts.rules.serverScope', { glob: silence.server })
        : t('alerts.rules.allServers'),
      silence.job ? t('alerts.rules.jobScope', { glob: silence.job }) : t('alerts.rules.allJobs')
    ].join(' · ')

  return (
    <Table<AlertSilence & { index: number }>
      size="small"
      rowKey="index"
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="silences"
      locale={{ emptyText: t('alerts.silences.none') }}
      dataSource={silences.map((silence, index) => ({ ...silence, index }))}
      columns={[
        { title: t('alerts.silences.scope'), key: 'scope', render: (_, s) => scope(s) },
        {
          title: t('alerts.silences.rule'),
          key: 'rule',
          render: (_, s) => s.rule ?? t('alerts.silences.anyRule')
        },
        {
          title: t('alerts.silences.window'),
          key: 'window',
          render: (_, s) => (
            <Typography.Text type={Date.parse(s.until) <= now ? 'secondary' : undefined}>
              {s.from ? time(s.from) : t('alerts.silences.fromNow')}
              {' → '}
              {time(s.until)}
              {Date.parse(s.until) <= now && ` (${t('alerts.silences.ended')})`}
            </Typography.Text>
          )
        },
        { title: t('alerts.silences.comment'), dataIndex: 'comment', ellipsis: true },
        {
          key: 'actions',
          render: (_, s) => (
            <Button size="small" type="link" danger onClick={() => onRemove(s.index)}>
              {t('alerts.silences.remove')}
            </Button>
          )
        }
      ]}
    />
  )
}
