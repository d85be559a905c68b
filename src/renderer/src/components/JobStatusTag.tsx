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
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { JobStatus } from '../../../shared/models'

const LOOK: Record<JobStatus, { color: string; icon: ReactNode }> = {
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

/** `count`: how many jobs have this status (the fleet cards' counts), shown after the name. */
export function JobStatusTag({ status, count }: { status: JobStatus; count?: number }) {
  const { t } = useTranslation()
  const look = LOOK[status]
  return (
    <Tag color={look.color} icon={look.icon} data-testid="job-status">
      {t(`status.${status}`)}
      {count === undefined ? null : ` ${count}`}
    </Tag>
  )
}
