/**
 * Overview: "While you were away" (issue 22), one card per server with something to tell since the operator last
 * looked: which jobs changed status (from → to, restarts), how many alerts, checkpoint failures and other events
 * the period held, and the gaps in it (when the console was not watching). Dismissed per server.
 */
import { Button, Card, Space, Tag, Typography } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { JobStatus } from '../../../../shared/models'
import type { AwaySummary, TimelineEventKind } from '../../../../shared/timeline'
import { JobStatusTag } from '../../components/JobStatusTag'
import { useNow } from '../../components/use-now'
import { formatAgo, formatDuration } from '../../format/units'
import { unwrap } from '../../ipc/unwrap-result'
import { useConsole, useConsoleApi } from '../../store/store-context'
import { useServerName } from '../connection/server-name'
import { formatDay, formatSpan } from './time-span'
import { useOpenTimeline } from './use-open-timeline'

/** How many changed jobs a card lists before "and N more". */
export const AWAY_CHANGES_SHOWN = 10

const COUNTED: TimelineEventKind[] = [
  'alert',
  'checkpoint-failures',
  'restart',
  'status',
  'savepoint',
  'action'
]

export function AwayCards() {
  const api = useConsoleApi()
  const profiles = useConsole((state) => state.profiles)
  const summaries = useConsole((state) => state.awaySummaries)
  const load = useConsole((state) => state.loadAwaySummaries)
  const ids = profiles.map((profile) => profile.id).join('\u0000')

  useEffect(() => {
    let current = true
    unwrap(api.invoke('timeline:away')).then(
      (list) => current && load(list, ids ? ids.split('\u0000') : []),
      () => undefined
    )
    return () => {
      current = false
    }
  }, [api, ids, load])

  const shown = profiles.flatMap((profile) => {
    const summary = summaries[profile.id]
    return summary ? [summary] : []
  })
  if (shown.length === 0) return null
  return (
    <>
      {shown.map((summary) => (
        <AwayCard key={summary.profileId} summary={summary} />
      ))}
    </>
  )
}

function AwayCard({ summary }: { summary: AwaySummary }) {
  const { t, i18n } = useTranslation()
  const api = useConsoleApi()
  const profile = useConsole((state) => state.profiles.find((p) => p.id === summary.profileId))
  const dismiss = useConsole((state) => state.dismissAway)
  const serverName = useServerName()
  const openTimeline = useOpenTimeline()
  const now = useNow(30_000)
  const { profileId } = summary
  const more = summary.changes.length - AWAY_CHANGES_SHOWN

  const onDismiss = () => {
    dismiss(profileId)
    void api.invoke('timeline:away-seen', { profileId })
  }

  return (
    <Card
      size="small"
      className="away-card"
      title={t('timeline.away.title')}
      extra={
        <Button size="small" onClick={onDismiss} data-testid="away-dismiss">
          {t('timeline.away.dismiss')}
        </Button>
      }
      style={{ marginBottom: 16 }}
      data-testid="away-summary"
    >
      <Space direction="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Text data-testid="away-since">
          {t('timeline.away.since', {
            server: serverName(profile),
            since: formatDay(summary.since),
            ago: formatAgo(summary.since, Math.max(now, summary.since), i18n.language),
            until: formatDay(summary.until)
          })}
        </Typography.Text>
        <Space size={[6, 6]} wrap data-testid="away-counts">
          {COUNTED.filter((kind) => (summary.counts[kind] ?? 0) > 0).map((kind) => (
            <Tag
              key={kind}
              color={kind === 'alert' || kind === 'checkpoint-failures' ? 'red' : undefined}
            >
              {t(`timeline.away.counts.${kind}`, { count: summary.counts[kind] })}
            </Tag>
          ))}
        </Space>
        {summary.changes.length === 0 ? (
          <Typography.Text type="secondary">{t('timeline.away.nothing')}</Typography.Text>
        ) : (
          <ul className="away-changes">
            {summary.changes.slice(0, AWAY_CHANGES_SHOWN).map((change) => (
              <li key={change.jobId} data-testid="away-change">
                <Typography.Link
                  ellipsis
                  className="away-job"
                  title={t('timeline.away.openTimeline')}
                  onClick={() => void openTimeline(profileId, change.jobId)}
                >
                  {change.jobName}
                </Typography.Link>
                <StatusOrMark status={change.from} mark={t('timeline.away.newJob')} />
                <span aria-hidden>→</span>
                <StatusOrMark status={change.to} mark={t('timeline.away.goneJob')} />
                {change.restarts > 0 && (
                  <Tag color="gold">{t('timeline.away.restarts', { count: change.restarts })}</Tag>
                )}
              </li>
            ))}
            {more > 0 && (
              <li>
                <Typography.Text type="secondary">
                  {t('timeline.away.more', { count: more })}
                </Typography.Text>
              </li>
            )}
          </ul>
        )}
        {summary.gaps.map((gap) => (
          <div key={gap.from} className="timeline-gap away-gap" data-testid="away-gap">
            <Typography.Text>
              {t('timeline.gap', {
                reason: t(`timeline.gapReason.${gap.reason}`),
                ...formatSpan(gap.from, gap.to),
                duration: formatDuration(gap.to - gap.from, t)
              })}
            </Typography.Text>
          </div>
        ))}
      </Space>
    </Card>
  )
}

function StatusOrMark({ status, mark }: { status: JobStatus | null; mark: string }) {
  return status ? <JobStatusTag status={status} /> : <Tag>{mark}</Tag>
}
