/**
 * The Jobs table's health columns (issue 15): an at-a-glance health dot (checkpoint failing or overdue,
 * backpressure HIGH, restarting, Dinky lost Flink), the age of the last completed checkpoint and the failed
 * checkpoint count, from the background sweep's summaries (cached ones first). Every reason is judged as of the
 * summary's own `asOf`: between two sweeps the age of the last checkpoint is unknown, not overdue.
 */
import { Badge, Tooltip } from 'antd'
import type { TFunction } from 'i18next'
import type { ColumnsType } from 'antd/es/table'
import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { HealthReason, JobHealthSummary } from '../../../../shared/job-health'
import type { Job } from '../../../../shared/models'
import { useNow } from '../../components/use-now'
import { formatAgo } from '../../format/units'
import { unwrap } from '../../ipc/unwrap-result'
import { selectProfileId } from '../../store/selectors'
import { useConsole, useConsoleApi } from '../../store/store-context'

const EMPTY: Record<number, JobHealthSummary> = {}
const BAD: readonly HealthReason[] = ['checkpoint-failing', 'backpressure-high', 'flink-lost']

/** Loads the cached and swept summaries of the shown server once per server. */
export function useHealthSummaries(): Record<number, JobHealthSummary> {
  const api = useConsoleApi()
  const profileId = useConsole(selectProfileId)
  const setHealthSummaries = useConsole((state) => state.setHealthSummaries)
  useEffect(() => {
    void unwrap(api.invoke('jobHealth:summaries', { profileId })).then(
      (list) => setHealthSummaries(profileId, list),
      () => undefined
    )
  }, [api, profileId, setHealthSummaries])
  return useConsole((state) => state.healthSummaries[profileId] ?? EMPTY)
}

/**
 * The age of a job's last completed checkpoint, ticking on its own: a clock in the columns would re-render the whole
 * Jobs table every 10 s (a long task of 60–350 ms with a few dozen rows, seen in the metrics bench behind the drawer).
 */
function CheckpointAge({ at }: { at: number }) {
  const { i18n } = useTranslation()
  const now = useNow(10_000)
  return formatAgo(at, Math.max(now, at), i18n.language)
}

/** Stable while the summaries and the language stay: the table re-renders only when they change. */
export function useHealthColumns(summaries: Record<number, JobHealthSummary>): ColumnsType<Job> {
  const { t } = useTranslation()
  return useMemo(() => healthColumns(summaries, t), [summaries, t])
}

function healthColumns(
  summaries: Record<number, JobHealthSummary>,
  t: TFunction
): ColumnsType<Job> {
  return [
    {
      title: t('jobHealth.health'),
      key: 'health',
      width: 64,
      align: 'center',
      render: (_, job) => {
        const summary = summaries[job.id]
        if (!summary) return <Badge status="default" title={t('jobHealth.notSwept')} />
        const reasons = summary.reasons
        const status = reasons.some((r) => BAD.includes(r))
          ? 'error'
          : reasons.length > 0
            ? 'warning'
            : 'success'
        const text = reasons.length
          ? reasons.map((r) => t(`jobHealth.reason.${r}`)).join(' · ')
          : t('jobHealth.healthy')
        return (
          <Tooltip title={text}>
            <Badge
              status={status}
              data-testid="health-dot"
              data-health={status}
              data-reasons={reasons.join(' ')}
            />
          </Tooltip>
        )
      }
    },
    {
      title: t('jobHealth.lastCheckpoint'),
      key: 'lastCheckpoint',
      width: 130,
      responsive: ['lg'],
      sorter: (a, b) =>
        (summaries[a.id]?.lastCompletedAt ?? 0) - (summaries[b.id]?.lastCompletedAt ?? 0),
      render: (_, job) => {
        const at = summaries[job.id]?.lastCompletedAt ?? null
        return at === null ? '—' : <CheckpointAge at={at} />
      }
    },
    {
      title: t('jobHealth.failedCheckpoints'),
      key: 'failedCheckpoints',
      width: 100,
      align: 'right',
      sorter: (a, b) =>
        (summaries[a.id]?.failedCheckpoints ?? -1) - (summaries[b.id]?.failedCheckpoints ?? -1),
      render: (_, job) => (
        <span data-testid="failed-checkpoints">{summaries[job.id]?.failedCheckpoints ?? '—'}</span>
      )
    }
  ]
}
