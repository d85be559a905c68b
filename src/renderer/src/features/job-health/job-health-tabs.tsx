/**
 * The job drawer's health tabs (issue 15), as tab items the drawer puts in its one list: Checkpoints, Exceptions,
 * Flink logs, Alerts, Versions. Each is a plain `{ key, label, children }`, so another feature adds its own tab
 * (metrics) as one more entry of the same list.
 */
import type { ReactNode } from 'react'
import type { TFunction } from 'i18next'
import type { Job } from '../../../../shared/models'
import { AlertsTab } from './AlertsTab'
import { CheckpointsTab } from './CheckpointsTab'
import { ExceptionsTab } from './ExceptionsTab'
import { FlinkLogsTab } from './FlinkLogsTab'
import { VersionsTab } from './VersionsTab'
import { useJobHealthDetail } from './use-job-health'

export interface DrawerTab {
  key: string
  label: ReactNode
  children: ReactNode
  /** Unmount when another tab is chosen (a tab that holds a subscription lets it go). */
  destroyOnHidden?: boolean
}

/** The Flink logs tab with the JobManager address of the latest detail (or of `getJobInfoDetail`). */
function FlinkLogsOf({ instanceId, fallback }: { instanceId: number; fallback: string | null }) {
  const detail = useJobHealthDetail(instanceId)
  return <FlinkLogsTab address={detail?.value.jobManagerAddress ?? fallback} />
}

export function jobHealthTabs(
  t: TFunction,
  job: Job,
  jobManagerAddress: string | null
): DrawerTab[] {
  return [
    {
      key: 'checkpoints',
      label: t('jobHealth.tabs.checkpoints'),
      children: <CheckpointsTab instanceId={job.id} />
    },
    {
      key: 'exceptions',
      label: t('jobHealth.tabs.exceptions'),
      children: <ExceptionsTab instanceId={job.id} />
    },
    {
      key: 'flink-logs',
      label: t('jobHealth.tabs.flinkLogs'),
      children: <FlinkLogsOf instanceId={job.id} fallback={jobManagerAddress} />
    },
    {
      key: 'alerts',
      label: t('jobHealth.tabs.alerts'),
      children: <AlertsTab instanceId={job.id} />
    },
    {
      key: 'versions',
      label: t('jobHealth.tabs.versions'),
      children: <VersionsTab taskId={job.taskId} />
    }
  ]
}
