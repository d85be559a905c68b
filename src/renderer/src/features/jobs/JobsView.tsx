/**
 * Jobs: the latest instance of every task with its live status, for the selected server or for every server at once
 * (a Server column; filtered and sorted together). Failed and failing rows are red, restarting ones amber; filter by
 * name, status and server, sort by a column; a click on a name, a double click or Enter opens the job's drawer on its
 * own server. One virtualized list (`JobsGrid`), not pages.
 */
import { App, Input, Segmented, Space, Typography } from 'antd'
import { memo, useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { worstState } from '../../../../shared/connection'
import { JOB_STATUSES, type JobStatus } from '../../../../shared/models'
import type { ServerProfile } from '../../../../shared/profiles'
import { ViewHeader } from '../../components/ViewHeader'
import { formatClock } from '../../format/units'
import { errorMessage } from '../../ipc/unwrap-result'
import { useConsole } from '../../store/store-context'
import type { JobsScope } from '../../store/ui-slice'
import { useServerName } from '../connection/server-name'
import { useHealthSummaries } from '../job-health/health-columns'
import type { JobRow, RowFilter } from './job-rows'
import { FilterDropdown } from './FilterDropdown'
import { DEFAULT_SORT, type JobSort, type SortColumn } from './job-sort'
import { JobsGrid, type ServerFacts } from './JobsGrid'
import { useOpenJobOnServer } from './open-job-on-server'
import { useJobRows } from './use-job-rows'

export function JobsView() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const serverName = useServerName()
  const scope = useConsole((state) => state.jobsScope)
  const setScope = useConsole((state) => state.setJobsScope)
  const profileCount = useConsole((state) => state.profiles.length)
  const openJobOnServer = useOpenJobOnServer()
  const [name, setName] = useState('')
  const [statuses, setStatuses] = useState<JobStatus[]>([])
  const [servers, setServers] = useState<string[]>([])
  const [sort, setSort] = useState<JobSort>(DEFAULT_SORT)
  const all = scope === 'all'
  const filter = useMemo<RowFilter>(
    () => ({ name, statuses, servers: all ? servers : [] }),
    [name, statuses, servers, all]
  )
  const { rows, profiles, jobs } = useJobRows(scope, filter, sort, serverName)
  useHealthSummaries(useMemo(() => profiles.map((profile) => profile.id), [profiles]))
  const health = useConsole((state) => state.healthSummaries)
  const streams = useConsole((state) => state.streams)

  const facts = useMemo(() => {
    const byId: Record<string, ServerFacts> = {}
    for (const profile of profiles) {
      const list = jobs[profile.id]
      // As the fleet tells it: a list is not live when it is a cached copy or its server is not live now.
      const connected = worstState(Object.values(streams[profile.id] ?? {}))?.kind
      const notLive = list && list.asOf > 0 && (list.stale || connected !== 'live')
      byId[profile.id] = {
        name: serverName(profile),
        stale: notLive ? t('jobs.notLiveAsOf', { time: formatClock(list.asOf) }) : null,
        live: list?.stale === false
      }
    }
    return byId
  }, [profiles, jobs, streams, serverName, t])

  const onSort = useCallback(
    (column: SortColumn) =>
      setSort((current) =>
        current.column === column
          ? { column, order: current.order === 'ascend' ? 'descend' : 'ascend' }
          : { column, order: 'ascend' }
      ),
    []
  )
  const onOpen = useCallback(
    (row: JobRow) =>
      void openJobOnServer(row.profileId, row.job.id).catch((error: unknown) =>
        message.error(t('common.failed', { message: errorMessage(error) }))
      ),
    [openJobOnServer, message, t]
  )

  const selectedJobs = jobs[profiles[0]?.id ?? '']
  const emptyText = t(Object.keys(jobs).length > 0 ? 'jobs.empty' : 'freshness.noData')
  return (
    <div className="jobs-view">
      <ViewHeader
        title={t('nav.jobs')}
        fresh={all ? undefined : selectedJobs}
        extra={
          <JobsToolbar
            all={all}
            showScope={profileCount > 1 || all}
            scope={scope}
            setScope={setScope}
            setName={setName}
            statuses={statuses}
            setStatuses={setStatuses}
            servers={servers}
            setServers={setServers}
            profiles={profiles}
            serverName={serverName}
          />
        }
      />
      <JobsGrid
        rows={rows}
        allServers={all}
        servers={facts}
        health={health}
        sort={sort}
        onSort={onSort}
        onOpen={onOpen}
        emptyText={emptyText}
      />
      <Typography.Text type="secondary" className="jobs-count" data-testid="jobs-count">
        {t('jobs.count', { count: rows.length })}
      </Typography.Text>
    </div>
  )
}

interface JobsToolbarProps {
  all: boolean
  showScope: boolean
  scope: JobsScope
  setScope: (scope: JobsScope) => void
  setName: (name: string) => void
  statuses: JobStatus[]
  setStatuses: (statuses: JobStatus[]) => void
  servers: string[]
  setServers: (servers: string[]) => void
  profiles: readonly ServerProfile[]
  serverName: (profile: ServerProfile) => string
}

/**
 * The filters, memoized: a sort, a keystroke's new rows or a poll draws the table, not these.
 */
const JobsToolbar = memo(function JobsToolbar(props: JobsToolbarProps) {
  const { t } = useTranslation()
  const { all, scope, setScope, setName, statuses, setStatuses, servers, setServers } = props
  const { profiles, serverName, showScope } = props
  return (
    <Space wrap>
      {showScope && (
        <Segmented<JobsScope>
          aria-label={t('jobs.scope')}
          value={scope}
          onChange={setScope}
          options={[
            { value: 'server', label: t('jobs.scopeServer') },
            { value: 'all', label: t('jobs.scopeAll') }
          ]}
          data-testid="jobs-scope"
        />
      )}
      <Input.Search
        allowClear
        aria-label={t('jobs.searchName')}
        placeholder={t('jobs.searchName')}
        onChange={(event) => setName(event.target.value)}
        style={{ width: 220 }}
        data-testid="jobs-filter-name"
      />
      <FilterDropdown<JobStatus>
        label={t('jobs.allStatuses')}
        value={statuses}
        onChange={setStatuses}
        options={JOB_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        width={200}
        data-testid="jobs-filter-status"
      />
      {all && (
        <FilterDropdown<string>
          label={t('jobs.allServers')}
          value={servers}
          onChange={setServers}
          options={profiles.map((profile) => ({ value: profile.id, label: serverName(profile) }))}
          width={180}
          data-testid="jobs-filter-server"
        />
      )}
    </Space>
  )
})
