/**
 * Exceptions: Flink's root exception and the exception history, copyable. Null-safe: a finished job's exceptions
 * are null in Dinky and say "no exception reported", never crash (a known Dinky web bug on a null root exception).
 */
import { Collapse, Empty, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../format/units'
import { AsOfNote } from './AsOfNote'
import { useJobHealthDetail } from './use-job-health'
import { FlinkLostNotice } from './OverviewHealth'

export function ExceptionsTab({ instanceId }: { instanceId: number }) {
  const detail = useJobHealthDetail(instanceId)
  const { t } = useTranslation()
  if (!detail) return <Empty description={t('jobHealth.noData')} />
  const exceptions = detail.value.exceptions
  const root = exceptions?.root ?? null
  const history = exceptions?.history ?? []
  return (
    <div data-testid="exceptions-tab">
      <FlinkLostNotice detail={detail} />
      <AsOfNote fresh={detail} />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('jobHealth.rootException')}
        {exceptions?.timestamp ? ` · ${formatDateTime(exceptions.timestamp)}` : ''}
      </Typography.Title>
      {root ? (
        <>
          <Typography.Paragraph copyable={{ text: root }} style={{ marginBottom: 4 }} />
          <pre className="root-exception" data-testid="health-root-exception">
            {root}
          </pre>
        </>
      ) : (
        <Typography.Text type="secondary" data-testid="no-exception">
          {t('jobHealth.noException')}
        </Typography.Text>
      )}
      {history.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('jobHealth.exceptionHistory')}
          </Typography.Title>
          <Collapse
            size="small"
            items={history.map((entry, index) => ({
              key: String(index),
              label: [
                entry.timestamp ? formatDateTime(entry.timestamp) : '—',
                entry.name ?? '',
                entry.taskName ? `${t('jobHealth.task')}: ${entry.taskName}` : '',
                entry.location ? `${t('jobHealth.location')}: ${entry.location}` : ''
              ]
                .filter(Boolean)
                .join(' · '),
              children: (
                <>
                  <Typography.Paragraph
                    copyable={{ text: entry.stacktrace }}
                    style={{ marginBottom: 4 }}
                  />
                  <pre className="root-exception">{entry.stacktrace}</pre>
                </>
              )
            }))}
          />
        </>
      )}
    </div>
  )
}
