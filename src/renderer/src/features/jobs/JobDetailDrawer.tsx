/**
 * A job's detail: its live status and facts, Flink's root exception, and its console log (followed with
 * `logs:follow FlinkSubmit/<taskId>` while the drawer is open), with the job actions in the header.
 */
import { Descriptions, Drawer, Space, Tabs, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import type { JobDetail } from '../../../../shared/models'
import { JobStatusTag } from '../../components/JobStatusTag'
import { formatDinkyTime } from '../../format/units'
import { unwrap } from '../../ipc/unwrap-result'
import { FailureAlert } from '../../components/FailureAlert'
import { selectJobs, selectProfileId } from '../../store/selectors'
import { useConsole, useConsoleApi, useConsoleSync } from '../../store/store-context'
import { JobActions } from './JobActions'
import { JobConsoleTab } from './JobConsoleTab'
import { jobHealthTabs, type DrawerTab } from '../job-health/job-health-tabs'
import { OverviewHealth } from '../job-health/OverviewHealth'
import { useJobHealth } from '../job-health/use-job-health'
import { JobMetricsTab } from '../metrics/JobMetricsTab'
import { TimelineTab } from '../timeline/TimelineTab'
import { JobGraphTab } from '../job-graph/JobGraphTab'

type Loaded = { jobId: number; detail: JobDetail | null; error: unknown }

export function JobDetailDrawer() {
  const { t } = useTranslation()
  const api = useConsoleApi()
  const sync = useConsoleSync()
  const jobId = useConsole((state) => state.openJobId)
  const openJob = useConsole((state) => state.openJob)
  const firstTab = useConsole((state) => state.openJobTab)
  const profileId = useConsole(selectProfileId)
  // Every jobs poll brings new row objects: compared field by field, an unchanged job does not re-render the drawer.
  const row = useConsole(
    useShallow((state) => selectJobs(state)?.value.find((job) => job.id === jobId))
  )
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const detail = loaded?.jobId === jobId ? loaded.detail : null
  const job = row ?? detail?.job
  const process = job ? `FlinkSubmit/${job.taskId}` : null
  // Opens the job's health polling; the tabs read the detail themselves (the drawer must not re-render every 3 s).
  useJobHealth(jobId)

  useEffect(() => {
    if (jobId === null) return
    let current = true
    unwrap(api.invoke('jobs:detail', { profileId, jobId })).then(
      (value) => current && setLoaded({ jobId, detail: value, error: null }),
      (error: unknown) => current && setLoaded({ jobId, detail: null, error: error ?? 'failed' })
    )
    return () => {
      current = false
    }
  }, [api, profileId, jobId])

  useEffect(() => {
    if (process === null) return
    // The tail comes back through a snapshot, not from this reply: the lines `logs:follow` fetched are pushed on
    // `logs:append` too, up to 50 ms after the reply, and only the snapshot's sequence floor drops those repeats.
    void unwrap(api.invoke('logs:follow', { profileId, process })).then(
      () => sync.resync([profileId]),
      () => undefined
    )
    return () => void api.invoke('logs:unfollow', { profileId, process })
  }, [api, sync, profileId, process])

  const error = loaded?.jobId === jobId ? loaded.error : null
  return (
    <Drawer
      open={jobId !== null}
      onClose={() => openJob(null)}
      size={880}
      destroyOnHidden
      // A flex column down to the console tab, so the log box takes the height the toolbar leaves.
      styles={{ body: { display: 'flex', flexDirection: 'column' } }}
      data-testid="job-detail"
      title={
        job && (
          <Space>
            {t('jobDetail.title', { name: job.name })}
            <JobStatusTag status={job.status} />
          </Space>
        )
      }
      extra={job && <JobActions job={job} />}
    >
      {error !== null && <FailureAlert error={error} titleKey="jobDetail.loadFailed" />}
      {job && (
        <Tabs
          // Asked for another first tab (the job's timeline from the Overview): opened anew on it.
          key={firstTab ?? ''}
          defaultActiveKey={firstTab ?? undefined}
          // Ten tabs: kept narrow so they fit the drawer without antd's overflow menu, whose button inside the
          // tablist is not a tab (axe: aria-required-children).
          size="small"
          tabBarGutter={16}
          style={{ flex: 1, minHeight: 0 }}
          styles={{ body: { height: '100%' }, content: { height: '100%', overflow: 'auto' } }}
          items={
            [
              {
                key: 'detail',
                label: t('jobDetail.overview'),
                // Unmounted while another tab shows: its vertex table would re-render on every 3 s poll, unseen (the
                // job_graph bench found it cost more than the graph itself).
                destroyOnHidden: true,
                children: (
                  <>
                    <Descriptions size="small" column={2} bordered>
                      <Descriptions.Item label={t('jobDetail.taskId')}>
                        {job.taskId}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('jobs.type')}>
                        {job.type ?? '—'}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('jobDetail.jid')} span={2}>
                        <Typography.Text copyable={!!job.jid}>{job.jid ?? '—'}</Typography.Text>
                      </Descriptions.Item>
                      <Descriptions.Item label={t('jobDetail.cluster')}>
                        {detail?.clusterName ?? '—'}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('jobDetail.jobManager')}>
                        {detail?.jobManagerAddress ?? '—'}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('jobDetail.created')}>
                        {formatDinkyTime(job.createTime)}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('jobDetail.finished')}>
                        {formatDinkyTime(job.finishTime)}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('jobs.failedRestarts')}>
                        {job.failedRestartCount}
                      </Descriptions.Item>
                    </Descriptions>
                    <Typography.Title level={5} style={{ marginTop: 16 }}>
                      {t('jobDetail.rootException')}
                    </Typography.Title>
                    {detail?.rootException ? (
                      <pre className="root-exception" data-testid="root-exception">
                        {detail.rootException}
                      </pre>
                    ) : (
                      <Typography.Text type="secondary">
                        {t('jobDetail.noException')}
                      </Typography.Text>
                    )}
                    <OverviewHealth instanceId={job.id} />
                  </>
                )
              },
              // Issue 24: the plan as a graph, beside the Overview's vertex figures.
              { key: 'graph', label: t('jobGraph.tab'), children: <JobGraphTab job={job} /> },
              {
                key: 'console',
                label: t('jobDetail.console'),
                // Selects the log itself: a log push must not re-render the drawer and every tab.
                children: <JobConsoleTab process={`FlinkSubmit/${job.taskId}`} />
              },
              { key: 'timeline', label: t('timeline.tab'), children: <TimelineTab job={job} /> },
              // One entry per tab: features add theirs here.
              ...jobHealthTabs(t, job, detail?.jobManagerAddress ?? null),
              {
                key: 'metrics',
                label: t('metrics.tab'),
                // Subscribed only while shown: leaving the tab closes the job's metrics topic.
                destroyOnHidden: true,
                children: <JobMetricsTab job={job} address={detail?.jobManagerAddress ?? null} />
              }
            ] satisfies DrawerTab[]
          }
        />
      )}
    </Drawer>
  )
}
