/**
 * Job actions — cancel (optionally with a savepoint), restart, trigger savepoint — each behind a confirmation,
 * and all disabled while the server's data is not live (acting on a stale picture is how jobs get cancelled twice)
 * or when the server is read-only (issue 23), saying which.
 */
import { PauseCircleOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons'
import { App, Button, Checkbox, Popconfirm, Space, Tooltip, Typography } from 'antd'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Job } from '../../../../shared/models'
import type { JobAction } from '../../../../shared/session'
import { errorMessage, unwrap } from '../../ipc/unwrap-result'
import { selectProfileId } from '../../store/selectors'
import { useConsole, useConsoleApi, useConsoleSync } from '../../store/store-context'
import { useActionGate } from '../connection/use-action-gate'

export function JobActions({ job }: { job: Job }) {
  const { t } = useTranslation()
  const api = useConsoleApi()
  const sync = useConsoleSync()
  const { message } = App.useApp()
  const { enabled, readOnly, reason } = useActionGate()
  const profileId = useConsole(selectProfileId)
  const [withSavepoint, setWithSavepoint] = useState(false)

  const run = async (action: JobAction) => {
    try {
      const result = await unwrap(api.invoke('jobs:action', { profileId, action }))
      void message.success(result.message)
      sync.resync([profileId])
    } catch (error) {
      void message.error(t('jobDetail.actionFailed', { message: errorMessage(error) }))
    }
  }

  const confirmed = (
    key: string,
    title: string,
    action: () => JobAction,
    button: ReactNode,
    description?: ReactNode
  ) => (
    <Popconfirm
      key={key}
      title={title}
      description={description}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      disabled={!enabled}
      onConfirm={() => run(action())}
      okButtonProps={{ 'data-testid': `confirm-${key}` }}
    >
      {button}
    </Popconfirm>
  )

  const buttons = (
    <Space wrap>
      {confirmed(
        'cancel',
        t('jobDetail.confirmCancel', { name: job.name }),
        () => ({ kind: 'cancel', taskId: job.taskId, withSavepoint }),
        <Button
          danger
          icon={<PauseCircleOutlined />}
          disabled={!enabled}
          data-testid="action-cancel"
        >
          {t('jobDetail.cancel')}
        </Button>,
        <Checkbox
          checked={withSavepoint}
          onChange={(event) => setWithSavepoint(event.target.checked)}
        >
          {t('jobDetail.withSavepoint')}
        </Checkbox>
      )}
      {confirmed(
        'restart',
        t('jobDetail.confirmRestart', { name: job.name }),
        () => ({ kind: 'restart', taskId: job.taskId, savepointPath: null }),
        <Button icon={<ReloadOutlined />} disabled={!enabled} data-testid="action-restart">
          {t('jobDetail.restart')}
        </Button>
      )}
      {confirmed(
        'savepoint',
        t('jobDetail.confirmSavepoint', { name: job.name }),
        () => ({ kind: 'savepoint', taskId: job.taskId, savepointType: 'trigger' }),
        <Button icon={<SaveOutlined />} disabled={!enabled} data-testid="action-savepoint">
          {t('jobDetail.savepoint')}
        </Button>
      )}
      {readOnly && (
        <Typography.Text type="secondary" data-testid="read-only-note">
          {reason}
        </Typography.Text>
      )}
    </Space>
  )
  return enabled ? buttons : <Tooltip title={reason}>{buttons}</Tooltip>
}
