/**
 * Jobs: the latest instance of every task with its live status. Failed and failing rows are red, restarting ones
 * amber; filter by name and status, sort by any column; a click opens the job's detail drawer.
 */
import { Input, Select, Space, Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useMemo, useState, type HTMLAttributes } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { JOB_STATUSES, type Job, type JobStatus } from '../../../../shared/models'
import { liveDurationMs } from '../../../../shared/job-duration'
import { JobStatusTag } from '../../components/JobStatusTag'
import { useNow } from '../../components/use-now'
import { ViewHeader } from '../../components/ViewHeader'
import { formatDinkyTime, formatDuration } from '../../format/units'
import { selectJobs } from '../../store/selectors'
import { useConsole } from '../../store/store-context'
import { compareTimes, filterJobs, jobRowClass } from './job-filters'
import { useHealthColumns, useHealthSummaries } from '../job-health/health-columns'

export function JobsView() {
  const { t } = useTranslation()
  const jobs = useConsole(selectJobs)
  const openJob = useConsole((state) => state.openJob)
  const [name, setName] = useState('')
  const [statuses, setStatuses] = useState<JobStatus[]>([])
  const rows = useMemo(
    () => filterJobs(jobs?.value ?? [], { name, statuses }),
    [jobs, name, statuses]
  )

  const healthColumns = useHealthColumns(useHealthSummaries())
  const live = jobs !== undefined && !jobs.stale
  const columns = useMemo(
    () => jobColumns(t, openJob, healthColumns, live),
    [t, openJob, healthColumns, live]
  )

  return (
    <>
      <ViewHeader
        title={t('nav.jobs')}
        fresh={jobs}
        extra={
          <Space wrap>
            <Input.Search
              allowClear
              placeholder={t('jobs.searchName')}
              onChange={(event) => setName(event.target.value)}
              style={{ width: 220 }}
              data-testid="jobs-filter-name"
            />
            <Select<JobStatus[]>
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              placeholder={t('jobs.allStatuses')}
              value={statuses}
              onChange={setStatuses}
              options={JOB_STATUSES.map((status) => ({
                value: status,
                label: t(`status.${status}`)
              }))}
              style={{ minWidth: 220 }}
              data-testid="jobs-filter-status"
            />
          </Space>
        }
      />
      <Table<Job>
        size="middle"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, hideOnSinglePage: true }}
        locale={{ emptyText: t(jobs ? 'jobs.empty' : 'freshness.noData') }}
        rowClassName={(job) => jobRowClass(job.status)}
        onRow={(job) =>
          ({
            'data-testid': 'job-row',
            'data-status': job.status,
            'data-job-id': job.id,
            onDoubleClick: () => openJob(job.id)
          }) as HTMLAttributes<HTMLElement>
        }
        footer={() => t('jobs.count', { count: rows.length })}
      />
    </>
  )
}

/**
 * A running job's duration, grown from Dinky's last save (`liveDurationMs`); the cell ticks on its own, so the clock
 * never re-renders the table.
 */
function DurationCell({ job, live }: { job: Job; live: boolean }) {
  const { t } = useTranslation()
  const now = useNow(5_000)
  return <span data-testid="job-duration">{formatDuration(liveDurationMs(job, now, live), t)}</span>
}

/** The table's columns; built once per language, health summaries and staleness, so a re-render keeps them. */
function jobColumns(
  t: TFunction,
  openJob: (id: number) => void,
  healthColumns: ColumnsType<Job>,
  live: boolean
): ColumnsType<Job> {
  const durationOf = (job: Job) => liveDurationMs(job, Date.now(), live)
  return [
    {
      title: t('jobs.name'),
      dataIndex: 'name',
      // A readable minimum: long names end in an ellipsis with the whole name as a tooltip, never wrap per letter.
      width: 240,
      fixed: 'left',
      ellipsis: { showTitle: true },
      sorter: (a, b) => a.name.localeCompare(b.name),
      render: (value: string, job) => (
        <Typography.Link onClick={() => openJob(job.id)} data-testid="job-name">
          {value}
        </Typography.Link>
      )
    },
    {
      title: t('jobs.status'),
      dataIndex: 'status',
      width: 140,
      sorter: (a, b) => a.status.localeCompare(b.status),
      render: (status: JobStatus) => <JobStatusTag status={status} />
    },
    {
      title: t('jobs.type'),
      dataIndex: 'type',
      width: 170,
      responsive: ['xl'],
      render: (type) => type ?? '—'
    },
    ...healthColumns,
    {
      title: t('jobs.duration'),
      dataIndex: 'durationMs',
      width: 120,
      align: 'right',
      sorter: (a, b) => (durationOf(a) ?? -1) - (durationOf(b) ?? -1),
      render: (_ms: number | null, job) => <DurationCell job={job} live={live} />
    },
    {
      title: t('jobs.failedRestarts'),
      dataIndex: 'failedRestartCount',
      width: 130,
      responsive: ['lg'],
      align: 'right',
      sorter: (a, b) => a.failedRestartCount - b.failedRestartCount
    },
    {
      title: t('jobs.updated'),
      dataIndex: 'updateTime',
      width: 170,
      defaultSortOrder: 'descend',
      sorter: (a, b) => compareTimes(a.updateTime, b.updateTime),
      render: (time: string | null) => formatDinkyTime(time)
    }
  ]
}
