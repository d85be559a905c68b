/**
 * The job drawer's health tabs (issue 15), as tab items the drawer puts in its one list: Checkpoints, Exceptions,
 * Flink logs, Alerts, Versions. Each is a plain `{ key, label, children }`, so another feature adds its own tab
 * (metrics) as one more entry of the same list.
 */
import type { ReactNode } from 'react'
import type { TFunction } from 'i18next'
import type { JobHealthDetail } from '../../../../shared/job-health'
import type { Fresh, Job } from '../../../../shared/models'
import { AlertsTab } from './AlertsTab'
import { CheckpointsTab } from './CheckpointsTab'
import { ExceptionsTab } from './ExceptionsTab'
import { FlinkLogsTab } from './FlinkLogsTab'
import { VersionsTab } from './VersionsTab'

export interface DrawerTab {
  key: string
  label: ReactNode
  children: ReactNode
}

export function jobHealthTabs(
  t: TFunction,
  job: Job,
  detail: Fresh<JobHealthDetail> | undefined,
  jobManagerAddress: string | null
): DrawerTab[] {
  return [
    {
      key: 'checkpoints',
      label: t('jobHealth.tabs.checkpoints'),
      children: <CheckpointsTab detail={detail} />
    },
    {
      key: 'exceptions',
      label: t('jobHealth.tabs.exceptions'),
      children: <ExceptionsTab detail={detail} />
    },
    {
      key: 'flink-logs',
      label: t('jobHealth.tabs.flinkLogs'),
      children: <FlinkLogsTab address={detail?.value.jobManagerAddress ?? jobManagerAddress} />
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
