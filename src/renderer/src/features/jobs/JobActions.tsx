/**
 * Job actions — cancel (optionally with a savepoint), restart, trigger savepoint — each behind a confirmation,
 * and all disabled while the server's data is not live (acting on a stale picture is how jobs get cancelled twice)
 * or when the server is read-only (issue 23), saying which. The actions and their questions come from
 * job-action-specs, shared with the command palette.
 */
import { Button, Popconfirm, Space, Tooltip, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Job } from '../../../../shared/models'
import { selectProfileId } from '../../store/selectors'
import { useConsole } from '../../store/store-context'
import { JOB_ACTIONS, JobActionChoice, type JobActionChoices } from './job-action-specs'
import { useJobActionGate, useRunJobAction } from './use-job-actions'

export function JobActions({ job }: { job: Job }) {
  const { t } = useTranslation()
  const profileId = useConsole(selectProfileId)
  const { block, reason } = useJobActionGate(profileId)
  const run = useRunJobAction()
  const [choices, setChoices] = useState<JobActionChoices>({ withSavepoint: false })
  const disabled = block !== null

  const buttons = (
    <Space wrap>
      {JOB_ACTIONS.map((spec) => (
        <Popconfirm
          key={spec.key}
          title={spec.question(t, job)}
          description={
            spec.offersSavepoint && (
              <JobActionChoice spec={spec} t={t} choices={choices} onChange={setChoices} />
            )
          }
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          disabled={disabled}
          onConfirm={() => run(profileId, spec.request(job, choices))}
          okButtonProps={{ 'data-testid': `confirm-${spec.key}` }}
        >
          <Button
            danger={spec.danger}
            icon={spec.icon}
            disabled={disabled}
            data-testid={`action-${spec.key}`}
          >
            {spec.label(t)}
          </Button>
        </Popconfirm>
      ))}
      {block === 'read-only' && (
        <Typography.Text type="secondary" data-testid="read-only-note">
          {reason}
        </Typography.Text>
      )}
    </Space>
  )
  return disabled ? <Tooltip title={reason}>{buttons}</Tooltip> : buttons
}
