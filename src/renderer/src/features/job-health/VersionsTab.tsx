/**
 * The task's history versions (`task/version`): the list, and the chosen version's SQL beside the current one.
 */
import { Col, Empty, Row, Table, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TaskVersion } from '../../../../shared/job-health'
import type { Fresh } from '../../../../shared/models'
import { formatDinkyTime } from '../../format/units'
import { unwrap } from '../../ipc/unwrap-result'
import { FailureAlert } from '../../components/FailureAlert'
import { selectProfileId } from '../../store/selectors'
import { useConsole, useConsoleApi } from '../../store/store-context'
import { AsOfNote } from './AsOfNote'

export function VersionsTab({ taskId }: { taskId: number }) {
  const { t } = useTranslation()
  const api = useConsoleApi()
  const profileId = useConsole(selectProfileId)
  const [versions, setVersions] = useState<Fresh<TaskVersion[]> | null>(null)
  const [selected, setSelected] = useState<number | null>(null)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    let current = true
    unwrap(api.invoke('jobHealth:versions', { profileId, taskId })).then(
      (value) => current && setVersions(value),
      (failure) => current && setError(failure ?? 'failed')
    )
    return () => {
      current = false
    }
  }, [api, profileId, taskId])
  const list = versions?.value ?? []
  const newest = list.reduce<TaskVersion | null>(
    (best, v) => (best === null || (v.versionId ?? 0) > (best.versionId ?? 0) ? v : best),
    null
  )
  const chosen = list.find((v) => v.id === selected) ?? list.find((v) => v !== newest) ?? null
  return (
    <div data-testid="versions-tab">
      {error !== null && !versions && (
        <FailureAlert error={error} titleKey="jobHealth.loadFailed" />
      )}
      <AsOfNote fresh={versions} />
      {versions && list.length === 0 && <Empty description={t('jobHealth.noVersions')} />}
      {list.length > 0 && (
        <>
          <Table<TaskVersion>
            size="small"
            rowKey="id"
            style={{ marginTop: 8 }}
            pagination={false}
            dataSource={list}
            rowSelection={{
              type: 'radio',
              selectedRowKeys: chosen ? [chosen.id] : [],
              onChange: (keys) => setSelected(Number(keys[0]))
            }}
            columns={[
              { title: t('jobHealth.version'), dataIndex: 'versionId', width: 90 },
              {
                title: t('jobHealth.created'),
                dataIndex: 'createTime',
                render: (v: string | null) => formatDinkyTime(v)
              }
            ]}
          />
          <Row gutter={12} style={{ marginTop: 12 }}>
            <Col span={12}>
              <Typography.Text strong>
                {chosen ? t('jobHealth.selected', { version: chosen.versionId ?? chosen.id }) : '—'}
              </Typography.Text>
              <pre className="root-exception" data-testid="version-sql">
                {chosen?.statement ?? ''}
              </pre>
            </Col>
            <Col span={12}>
              <Typography.Text strong>{t('jobHealth.current')}</Typography.Text>
              <pre className="root-exception">{newest?.statement ?? ''}</pre>
            </Col>
          </Row>
        </>
      )}
    </div>
  )
}
