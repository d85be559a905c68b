/**
 * One row of the Jobs table. Memoized on what it shows: a poll that brings the same job again (a new object, equal
 * fields), a scroll or another row's change does not draw it again; only its own job, health, place or focus does.
 */
import { ClockCircleOutlined } from '@ant-design/icons'
import { memo, type CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import type { JobHealthSummary } from '../../../../shared/job-health'
import type { Job } from '../../../../shared/models'
import { liveDurationMs } from '../../../../shared/job-duration'
import { JobStatusTag } from '../../components/JobStatusTag'
import { useNow } from '../../components/use-now'
import { formatDinkyTime, formatDuration } from '../../format/units'
import { CheckpointAge, FailedCheckpoints, HealthMark } from '../job-health/health-columns'
import type { JobColumn } from './job-columns'
import { jobRowClass } from './job-filters'
import type { JobRow } from './job-rows'

export interface JobGridRowProps {
  row: JobRow
  index: number
  /** Pixels from the top of the row group. */
  start: number
  columns: readonly JobColumn[]
  /** The keyboard's row (aria-selected; focusing a row makes it active), and the table's one tab stop. */
  active: boolean
  tabbable: boolean
  serverName: string
  /** "not live: as of …" when the server's list is a cached copy or the server is not live now, else null. */
  serverStale: string | null
  health: JobHealthSummary | undefined
  live: boolean
  onOpen: (row: JobRow) => void
  onActivate: (row: JobRow) => void
}

export const JobGridRow = memo(function JobGridRow(props: JobGridRowProps) {
  const { row, index, start, columns, active, tabbable } = props
  const { job } = row
  const style: CSSProperties = { transform: `translateY(${start}px)` }
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={active}
      tabIndex={tabbable ? 0 : -1}
      className={`jobs-grid-row jobs-grid-body-row ${jobRowClass(job.status)}`}
      style={style}
      data-testid="job-row"
      data-index={index}
      data-profile-id={row.profileId}
      data-job-id={job.id}
      data-status={job.status}
      onFocus={() => props.onActivate(row)}
      onDoubleClick={() => props.onOpen(row)}
    >
      {columns.map((column) => (
        <div
          key={column.key}
          role="gridcell"
          className={`jobs-grid-cell${column.align ? ` align-${column.align}` : ''}`}
        >
          <Cell column={column} {...props} />
        </div>
      ))}
    </div>
  )
}, sameRow)

function Cell(props: JobGridRowProps & { column: JobColumn }) {
  const { row, column, health } = props
  const { job } = row
  switch (column.key) {
    case 'name':
      return (
        // The whole name is the text (and so the accessible name); only the look is cut, with it as a tooltip.
        <a
          className="jobs-grid-name"
          title={job.name}
          data-testid="job-name"
          onClick={() => props.onOpen(row)}
        >
          {job.name}
        </a>
      )
    case 'server':
      return <ServerCell name={props.serverName} stale={props.serverStale} />
    case 'status':
      return <JobStatusTag status={job.status} still />
    case 'type':
      return job.type ?? '—'
    case 'health':
      return <HealthMark summary={health} />
    case 'lastCheckpoint':
      return <CheckpointAge summary={health} />
    case 'failedCheckpoints':
      return <FailedCheckpoints summary={health} />
    case 'duration':
      return <DurationCell job={job} live={props.live} />
    case 'failedRestarts':
      return job.failedRestartCount
    case 'updated':
      return formatDinkyTime(job.updateTime)
  }
}

function ServerCell({ name, stale }: { name: string; stale: string | null }) {
  return (
    <span className="jobs-grid-server" title={stale ? `${name} · ${stale}` : name}>
      {stale && <ClockCircleOutlined aria-label={stale} className="jobs-grid-stale" />}
      <span data-testid="job-server">{name}</span>
    </span>
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

function sameRow(a: JobGridRowProps, b: JobGridRowProps): boolean {
  return (
    a.index === b.index &&
    a.start === b.start &&
    a.columns === b.columns &&
    a.active === b.active &&
    a.tabbable === b.tabbable &&
    a.serverName === b.serverName &&
    a.serverStale === b.serverStale &&
    a.health === b.health &&
    a.live === b.live &&
    a.onOpen === b.onOpen &&
    a.onActivate === b.onActivate &&
    (a.row === b.row || (a.row.profileId === b.row.profileId && sameJob(a.row.job, b.row.job)))
  )
}

/** Field by field: what a poll re-sends unchanged is equal here. */
function sameJob(a: Job, b: Job): boolean {
  for (const key in a) {
    if (a[key as keyof Job] !== b[key as keyof Job]) return false
  }
  return true
}
