/**
 * The Jobs table's health cells (issue 15): an at-a-glance health mark (checkpoint failing or overdue, backpressure
 * HIGH, restarting, Dinky lost Flink), the age of the last completed checkpoint and the failed checkpoint count, from
 * the background sweep's summaries (cached ones first). Every reason is judged as of the summary's own `asOf`: between
 * two sweeps the age of the last checkpoint is unknown, not overdue. The mark differs in shape as well as colour, and
 * says its reasons as its accessible name and native tooltip (an antd Tooltip per row cost more than the row), so
 * health is never told by colour alone.
 */
import {
  CheckCircleFilled,
  CloseCircleFilled,
  ExclamationCircleFilled,
  MinusCircleOutlined
} from '@ant-design/icons'
import { theme } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { HealthReason, JobHealthSummary } from '../../../../shared/job-health'
import { useNow } from '../../components/use-now'
import { formatAgo } from '../../format/units'
import { unwrap } from '../../ipc/unwrap-result'
import { useConsole, useConsoleApi, useConsoleStore } from '../../store/store-context'

const BAD: readonly HealthReason[] = ['checkpoint-failing', 'backpressure-high', 'flink-lost']

/** Loads the cached and swept summaries of each server shown, once per server (sweeps then push updates). */
export function useHealthSummaries(profileIds: readonly string[]): void {
  const api = useConsoleApi()
  const setHealthSummaries = useConsole((state) => state.setHealthSummaries)
  const store = useConsoleStore()
  const key = profileIds.join('\n')
  useEffect(() => {
    // Once per server: pushes keep its summaries current after that, so showing the table again loads nothing.
    const loaded = store.getState().healthLoaded
    for (const profileId of key === '' ? [] : key.split('\n')) {
      if (loaded[profileId]) continue
      void unwrap(api.invoke('jobHealth:summaries', { profileId })).then(
        (list) => setHealthSummaries(profileId, list),
        () => undefined
      )
    }
  }, [api, key, setHealthSummaries, store])
}

/** The health mark of one job: `data-health` is success, warning, error or default (not swept yet). */
export function HealthMark({ summary }: { summary: JobHealthSummary | undefined }) {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  if (!summary) {
    const text = t('jobHealth.notSwept')
    return (
      <MinusCircleOutlined
        role="img"
        aria-label={text}
        title={text}
        data-testid="health-dot"
        data-health="default"
        style={{ color: token.colorTextTertiary }}
      />
    )
  }
  const reasons = summary.reasons
  const health = reasons.some((r) => BAD.includes(r))
    ? 'error'
    : reasons.length > 0
      ? 'warning'
      : 'success'
  const text = reasons.length
    ? reasons.map((r) => t(`jobHealth.reason.${r}`)).join(' · ')
    : t('jobHealth.healthy')
  const Icon =
    health === 'error'
      ? CloseCircleFilled
      : health === 'warning'
        ? ExclamationCircleFilled
        : CheckCircleFilled
  const color =
    health === 'error'
      ? token.colorError
      : health === 'warning'
        ? token.colorWarning
        : token.colorSuccess
  return (
    <Icon
      role="img"
      aria-label={text}
      title={text}
      data-testid="health-dot"
      data-health={health}
      data-reasons={reasons.join(' ')}
      style={{ color }}
    />
  )
}

/**
 * The age of a job's last completed checkpoint, ticking on its own: a clock in the table would re-render every row
 * every 10 s (a long task of 60–350 ms with a few dozen rows, seen in the metrics bench behind the drawer).
 */
export function CheckpointAge({ summary }: { summary: JobHealthSummary | undefined }) {
  const at = summary?.lastCompletedAt ?? null
  return at === null ? '—' : <TickingAge at={at} />
}

function TickingAge({ at }: { at: number }) {
  const { i18n } = useTranslation()
  const now = useNow(10_000)
  return formatAgo(at, Math.max(now, at), i18n.language)
}

export function FailedCheckpoints({ summary }: { summary: JobHealthSummary | undefined }) {
  return <span data-testid="failed-checkpoints">{summary?.failedCheckpoints ?? '—'}</span>
}
