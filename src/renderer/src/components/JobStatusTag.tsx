/** A job status as Dinky's web UI shows it: a coloured tag with the translated status name. */
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  ExclamationCircleOutlined,
  MinusCircleOutlined,
  QuestionCircleOutlined,
  SyncOutlined
} from '@ant-design/icons'
import { Tag } from 'antd'
import { cloneElement, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { JobStatus } from '../../../shared/models'

const LOOK: Record<JobStatus, { color: string; icon: ReactElement<{ spin?: boolean }> }> = {
  INITIALIZING: { color: 'default', icon: <ClockCircleOutlined /> },
  CREATED: { color: 'default', icon: <ClockCircleOutlined /> },
  RUNNING: { color: 'green', icon: <SyncOutlined spin /> },
  FAILING: { color: 'red', icon: <ExclamationCircleOutlined /> },
  FAILED: { color: 'red', icon: <CloseCircleOutlined /> },
  CANCELLING: { color: 'orange', icon: <SyncOutlined spin /> },
  CANCELED: { color: 'orange', icon: <MinusCircleOutlined /> },
  FINISHED: { color: 'blue', icon: <CheckCircleOutlined /> },
  RESTARTING: { color: 'gold', icon: <SyncOutlined spin /> },
  SUSPENDED: { color: 'default', icon: <MinusCircleOutlined /> },
  RECONCILING: { color: 'processing', icon: <SyncOutlined spin /> },
  RECONNECTING: { color: 'processing', icon: <SyncOutlined spin /> },
  UNKNOWN: { color: 'default', icon: <QuestionCircleOutlined /> }
}

const STILL = Object.fromEntries(
  Object.entries(LOOK).map(([status, look]) => [status, cloneElement(look.icon, { spin: false })])
) as Record<JobStatus, ReactElement>

/**
 * `count`: how many jobs have this status (the fleet cards' counts), shown after the name. `still`: the icon does not
 * spin. A table of thousands of jobs shows dozens of running ones at once, and dozens of spinning icons redraw the
 * window every frame while nothing happens.
 */
export function JobStatusTag({
  status,
  count,
  still
}: {
  status: JobStatus
  count?: number
  still?: boolean
}) {
  const { t } = useTranslation()
  const look = LOOK[status]
  return (
    <Tag color={look.color} icon={still ? STILL[status] : look.icon} data-testid="job-status">
      {t(`status.${status}`)}
      {count === undefined ? null : ` ${count}`}
    </Tag>
  )
}
