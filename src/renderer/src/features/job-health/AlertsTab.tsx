/**
 * Alert history of the job instance (`alertHistory/list`): title, status, time and the alert's markdown rendered
 * by the safe renderer (server text stays inert). Works from the cache when the server is unreachable.
 */
import { Empty, List, Space, Tag, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AlertHistoryEntry } from '../../../../shared/job-health'
import type { Fresh } from '../../../../shared/models'
import { formatDinkyTime } from '../../format/units'
import { unwrap } from '../../ipc/unwrap-result'
import { FailureAlert } from '../../components/FailureAlert'
import { selectProfileId } from '../../store/selectors'
import { useConsole, useConsoleApi } from '../../store/store-context'
import { AsOfNote } from './AsOfNote'
import { SafeMarkdown } from './safe-markdown'

export function AlertsTab({ instanceId }: { instanceId: number }) {
  const { t } = useTranslation()
  const api = useConsoleApi()
  const profileId = useConsole(selectProfileId)
  const [alerts, setAlerts] = useState<Fresh<AlertHistoryEntry[]> | null>(null)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    let current = true
    unwrap(api.invoke('jobHealth:alerts', { profileId, instanceId })).then(
      (value) => current && setAlerts(value),
      (failure) => current && setError(failure ?? 'failed')
    )
    return () => {
      current = false
    }
  }, [api, profileId, instanceId])
  const openLink = (url: string) => void api.invoke('shell:open-external', { url })
  return (
    <div data-testid="alerts-tab">
      {error !== null && !alerts && <FailureAlert error={error} titleKey="jobHealth.loadFailed" />}
      <AsOfNote fresh={alerts} />
      {alerts && alerts.value.length === 0 && <Empty description={t('jobHealth.noAlerts')} />}
      {alerts && alerts.value.length > 0 && (
        <List
          dataSource={alerts.value}
          renderItem={(entry) => (
            <List.Item key={entry.id} data-testid="alert-entry">
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Typography.Text strong>{entry.title}</Typography.Text>
                  <Tag color={entry.status === 1 ? 'green' : 'red'}>
                    {t(entry.status === 1 ? 'jobHealth.alertSent' : 'jobHealth.alertFailed')}
                  </Tag>
                  {entry.groupName && <Tag>{entry.groupName}</Tag>}
                  <Typography.Text type="secondary">
                    {formatDinkyTime(entry.createTime)}
                  </Typography.Text>
                </Space>
                <SafeMarkdown source={entry.content} onLink={openLink} />
              </Space>
            </List.Item>
          )}
        />
      )}
    </div>
  )
}
