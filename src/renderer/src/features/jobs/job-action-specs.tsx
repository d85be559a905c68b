/**
 * The job actions — cancel (optionally after a savepoint), restart, trigger a savepoint — said once: their icon,
 * label, confirmation question and request. The drawer's buttons (JobActions) and the command palette both draw
 * their confirmations from these, so the two ask the same question and send the same request.
 */
import { PauseCircleOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons'
import { Checkbox } from 'antd'
import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import type { Job } from '../../../../shared/models'
import type { JobAction } from '../../../../shared/session'

export type JobActionKey = 'cancel' | 'restart' | 'savepoint'

/** The choices a confirmation offers besides yes and no. */
export interface JobActionChoices {
  withSavepoint: boolean
}

export interface JobActionSpec {
  key: JobActionKey
  icon: ReactNode
  danger: boolean
  label: (t: TFunction) => string
  question: (t: TFunction, job: Job) => string
  /** Whether the confirmation offers "take a savepoint first". */
  offersSavepoint: boolean
  request: (job: Job, choices: JobActionChoices) => JobAction
}

export const JOB_ACTIONS: readonly JobActionSpec[] = [
  {
    key: 'cancel',
    icon: <PauseCircleOutlined />,
    danger: true,
    label: (t) => t('jobDetail.cancel'),
    question: (t, job) => t('jobDetail.confirmCancel', { name: job.name }),
    offersSavepoint: true,
    request: (job, { withSavepoint }) => ({ kind: 'cancel', taskId: job.taskId, withSavepoint })
  },
  {
    key: 'restart',
    icon: <ReloadOutlined />,
    danger: false,
    label: (t) => t('jobDetail.restart'),
    question: (t, job) => t('jobDetail.confirmRestart', { name: job.name }),
    offersSavepoint: false,
    request: (job) => ({ kind: 'restart', taskId: job.taskId, savepointPath: null })
  },
  {
    key: 'savepoint',
    icon: <SaveOutlined />,
    danger: false,
    label: (t) => t('jobDetail.savepoint'),
    question: (t, job) => t('jobDetail.confirmSavepoint', { name: job.name }),
    offersSavepoint: false,
    request: (job) => ({ kind: 'savepoint', taskId: job.taskId, savepointType: 'trigger' })
  }
]

/** The confirmation's extra choice, where the action has one (the savepoint before a cancel). */
export function JobActionChoice(props: {
  spec: JobActionSpec
  t: TFunction
  choices: JobActionChoices
  onChange: (choices: JobActionChoices) => void
}): ReactNode {
  const { spec, t, choices, onChange } = props
  if (!spec.offersSavepoint) return null
  return (
    <Checkbox
      checked={choices.withSavepoint}
      onChange={(event) => onChange({ ...choices, withSavepoint: event.target.checked })}
      data-testid={`choice-savepoint-${spec.key}`}
    >
      {t('jobDetail.withSavepoint')}
    </Checkbox>
  )
}
