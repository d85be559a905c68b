/**
 * The pieces of a fleet card: the server's state told by icon and words (never by colour alone), how old its figures
 * are, its jobs by status, its failing jobs by name (each opens that job on its server) and its alerts and clusters.
 */
import {
  BellOutlined,
  CheckCircleFilled,
  ClockCircleOutlined,
  CloseCircleFilled,
  ClusterOutlined,
  DisconnectOutlined,
  ExclamationCircleFilled,
  LoadingOutlined,
  LockOutlined,
  PauseCircleOutlined,
  QuestionCircleOutlined,
  SyncOutlined
} from '@ant-design/icons'
import { Flex, Space, Tag, theme, Tooltip, Typography } from 'antd'
import type { GlobalToken } from 'antd'
import { memo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConnectionState } from '../../../../shared/connection'
import type { FleetServerSummary, FleetState } from '../../../../shared/fleet'
import { JOB_STATUSES } from '../../../../shared/models'
import { JobStatusTag } from '../../components/JobStatusTag'
import { useNow } from '../../components/use-now'
import { formatAgo, formatClock, formatDateTime } from '../../format/units'

/** Failing jobs named on a card; the rest are counted ("and 12 more"), the Jobs view lists them all. */
const CARD_FAILING = 5

const STATE_ICON: Record<FleetState, (token: GlobalToken) => ReactNode> = {
  live: (token) => <CheckCircleFilled style={{ color: token.colorSuccess }} />,
  degraded: (token) => <ExclamationCircleFilled style={{ color: token.colorWarning }} />,
  connecting: (token) => <LoadingOutlined style={{ color: token.colorInfo }} />,
  reconnecting: (token) => <SyncOutlined style={{ color: token.colorWarning }} />,
  offline: (token) => <DisconnectOutlined style={{ color: token.colorError }} />,
  'auth-expired': (token) => <LockOutlined style={{ color: token.colorError }} />,
  stopped: (token) => <PauseCircleOutlined style={{ color: token.colorTextTertiary }} />,
  unknown: (token) => <QuestionCircleOutlined style={{ color: token.colorTextTertiary }} />
}

export interface StateTextInput {
  state: FleetState
  connection: ConnectionState | undefined
  /** What it shows is the cache's: a reconnecting server never reached in this run is "unreachable". */
  cached: boolean
}

/** The words of a server's state, for the card and its accessible name. */
export function useStateText(): (input: StateTextInput) => string {
  const { t } = useTranslation()
  return ({ state, connection, cached }) => {
    const attempt = connection?.kind === 'reconnecting' ? connection.attempt : 0
    if (state === 'reconnecting' && cached) return t('fleet.unreachable', { attempt })
    return t(`fleet.state.${state}`, { attempt })
  }
}

export const FleetStateLabel = memo(function FleetStateLabel(props: StateTextInput) {
  const { token } = theme.useToken()
  const stateText = useStateText()
  return (
    <Space size={6} data-testid="fleet-state">
      {STATE_ICON[props.state](token)}
      <Typography.Text strong>{stateText(props)}</Typography.Text>
    </Space>
  )
})

/** How old the figures are, when they are not live: "Cached figures from 10:42, 3 minutes ago". */
export function FleetFreshness({
  summary,
  cached
}: {
  summary: FleetServerSummary
  cached: boolean
}) {
  const { t, i18n } = useTranslation()
  const now = useNow(15_000)
  if (summary.asOf === null) {
    return (
      <Tag icon={<ClockCircleOutlined />} color="warning" data-testid="fleet-freshness">
        {t('fleet.noData')}
      </Tag>
    )
  }
  const values = {
    time: formatClock(summary.asOf),
    ago: formatAgo(summary.asOf, Math.max(now, summary.asOf), i18n.language)
  }
  return (
    <Tooltip title={formatDateTime(summary.asOf)}>
      <Tag
        icon={<ClockCircleOutlined />}
        color="warning"
        data-testid="fleet-freshness"
        data-cached={cached}
        style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}
      >
        {t(cached ? 'fleet.cached' : 'fleet.asOf', values)}
      </Tag>
    </Tooltip>
  )
}

/** Memoized on the figures, not the object: a push that moved nothing here leaves these tags alone. */
export const FleetJobCounts = memo(function FleetJobCounts({
  counts
}: {
  counts: FleetServerSummary['counts']
}) {
  const { t } = useTranslation()
  return (
    // Plain flex boxes, not antd's Flex: a card redraws these on every change of its server (the scale bench).
    <div className="fleet-counts" data-testid="fleet-counts">
      <strong className="fleet-counts-total">{t('fleet.jobs', { count: counts.total })}</strong>
      {JOB_STATUSES.filter((status) => counts[status]).map((status) => (
        // Still icons: a spinning one is restyled on the main thread every frame, on every card.
        <JobStatusTag key={status} status={status} count={counts[status]} still />
      ))}
    </div>
  )
}, sameCounts)

function sameCounts(
  a: { counts: FleetServerSummary['counts'] },
  b: { counts: FleetServerSummary['counts'] }
): boolean {
  return (
    a.counts.total === b.counts.total &&
    JOB_STATUSES.every((status) => a.counts[status] === b.counts[status])
  )
}

export interface FleetFailingJobsProps {
  summary: FleetServerSummary
  onOpen: (jobId: number) => void
}

/** Memoized on what it names: the failing jobs shown, their total and the server's name. */
export const FleetFailingJobs = memo(function FleetFailingJobs(props: FleetFailingJobsProps) {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const { failing, failingTotal, name } = props.summary
  const shown = Math.min(failing.length, CARD_FAILING)
  if (failingTotal === 0) {
    return (
      <Space size={6}>
        <CheckCircleFilled style={{ color: token.colorSuccess }} />
        <Typography.Text type="secondary">{t('fleet.noFailing')}</Typography.Text>
      </Space>
    )
  }
  return (
    <div className="fleet-failing" data-testid="fleet-failing">
      <div className="fleet-failing-row">
        <CloseCircleFilled style={{ color: token.colorError }} />
        <strong>{t('fleet.failing', { count: failingTotal })}</strong>
      </div>
      {failing.slice(0, CARD_FAILING).map((job, place) => (
        // Keyed by place: when other jobs fail the rows change their text, not their elements (a restyle of each
        // new row's subtree cost more than the rest of the card's update; the scale bench's traces).
        <FailingJob key={place} job={job} server={name} onOpen={props.onOpen} />
      ))}
      {failingTotal > shown && (
        <span className="fleet-secondary">
          {t('fleet.moreFailing', { count: failingTotal - shown })}
        </span>
      )}
    </div>
  )
}, sameFailing)

function sameFailing(a: FleetFailingJobsProps, b: FleetFailingJobsProps): boolean {
  const x = a.summary
  const y = b.summary
  const shown = y.failing.slice(0, CARD_FAILING)
  return (
    a.onOpen === b.onOpen &&
    x.name === y.name &&
    x.failingTotal === y.failingTotal &&
    Math.min(x.failing.length, CARD_FAILING) === shown.length &&
    shown.every((job, i) => sameFailingJob(x.failing[i], job))
  )
}

type FailingJobModel = FleetServerSummary['failing'][number]

const sameFailingJob = (a: FailingJobModel, b: FailingJobModel) =>
  a.jobId === b.jobId && a.name === b.name && a.status === b.status

/** One failing job: its status and its name, which opens it on its server. */
const FailingJob = memo(
  function FailingJob(props: {
    job: FailingJobModel
    server: string
    onOpen: (jobId: number) => void
  }) {
    const { t } = useTranslation()
    const { job } = props
    return (
      <div className="fleet-failing-row">
        <JobStatusTag status={job.status} still />
        {/* A plain button with antd's link look: rows come and go as jobs fail and recover. */}
        <button
          type="button"
          className="fleet-failing-link"
          data-testid="fleet-failing-job"
          data-job-id={job.jobId}
          aria-label={t('fleet.openJob', { job: job.name, server: props.server })}
          title={job.name}
          onClick={(event) => {
            event.stopPropagation()
            props.onOpen(job.jobId)
          }}
        >
          {job.name}
        </button>
      </div>
    )
  },
  (a, b) => a.server === b.server && a.onOpen === b.onOpen && sameFailingJob(a.job, b.job)
)

/** Memoized on its figures: alerts firing, clusters available of all. */
export const FleetAlertsAndClusters = memo(function FleetAlertsAndClusters({
  summary
}: {
  summary: FleetServerSummary
}) {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const { alertsFiring, clusters } = summary
  const down = clusters !== null && clusters.available < clusters.total
  return (
    <Flex wrap gap={16}>
      <Space size={6} data-testid="fleet-alerts">
        <BellOutlined style={{ color: alertsFiring > 0 ? token.colorError : undefined }} />
        <Typography.Text>
          {alertsFiring > 0
            ? t('fleet.alertsFiring', { count: alertsFiring })
            : t('fleet.noAlerts')}
        </Typography.Text>
      </Space>
      <Space size={6} data-testid="fleet-clusters">
        <ClusterOutlined style={{ color: down ? token.colorError : undefined }} />
        <Typography.Text>
          {clusters ? t('fleet.clusters', clusters) : t('fleet.clustersUnknown')}
        </Typography.Text>
      </Space>
    </Flex>
  )
}, sameAlertsAndClusters)

function sameAlertsAndClusters(
  a: { summary: FleetServerSummary },
  b: { summary: FleetServerSummary }
): boolean {
  const [x, y] = [a.summary, b.summary]
  return (
    x.alertsFiring === y.alertsFiring &&
    x.clusters?.available === y.clusters?.available &&
    x.clusters?.total === y.clusters?.total
  )
}
