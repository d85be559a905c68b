/** Recent failures: the failing and failed job instances, newest first; a click opens the job's detail. */
import { Card, Empty, List, Typography } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { JobStatusTag } from '../../components/JobStatusTag'
import { useNow } from '../../components/use-now'
import { formatAgo, parseDinkyTime } from '../../format/units'
import { selectJobs } from '../../store/selectors'
import { useConsole } from '../../store/store-context'

const SHOWN = 8

export function RecentFailuresCard() {
  const { t, i18n } = useTranslation()
  const jobs = useConsole(selectJobs)
  const openJob = useConsole((state) => state.openJob)
  const now = useNow(30_000)
  const failures = useMemo(
    () =>
      (jobs?.value ?? [])
        .filter((job) => job.status === 'FAILED' || job.status === 'FAILING')
        .map((job) => ({ job, at: parseDinkyTime(job.finishTime ?? job.updateTime) }))
        .sort((a, b) => (b.at ?? 0) - (a.at ?? 0))
        .slice(0, SHOWN),
    [jobs]
  )

  return (
    <Card size="small" title={t('overview.recentFailures')} data-testid="recent-failures">
      {failures.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t(jobs ? 'overview.noFailures' : 'freshness.noData')}
        />
      ) : (
        <List
          size="small"
          dataSource={failures}
          renderItem={({ job, at }) => (
            <List.Item
              style={{ cursor: 'pointer' }}
              onClick={() => openJob(job.id)}
              extra={<JobStatusTag status={job.status} />}
            >
              <List.Item.Meta
                title={<Typography.Link>{job.name}</Typography.Link>}
                description={
                  at === null
                    ? job.type
                    : t('overview.failedAt', {
                        ago: formatAgo(at, Math.max(now, at), i18n.language)
                      })
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}
