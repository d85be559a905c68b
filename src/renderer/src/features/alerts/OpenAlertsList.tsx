/**
 * Open alerts as a list (issue 22): severity, rule, job and server, since when it fires (or since when its data is
 * stale: "unknown since …"), the marks that keep it quiet (acknowledged, snoozed, silenced), and the Acknowledge
 * and Snooze actions. Job, server and rule names are text the server or the operator wrote: React text only.
 */
import { Button, Dropdown, Flex, List, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ActiveAlert, AlertSeverity } from '../../../../shared/alerts'
import { JOB_STATUSES, type JobStatus } from '../../../../shared/models'
import { JobStatusTag } from '../../components/JobStatusTag'
import { formatClock, formatDateTime } from '../../format/units'
import { useConsole } from '../../store/store-context'
import { useServerName } from '../connection/server-name'
import { useAlertActions, type SnoozeChoice } from './use-alert-actions'

const SEVERITY_COLOR: Record<AlertSeverity, string> = {
  critical: 'red',
  warning: 'gold',
  info: 'blue'
}

/** The status a job-status alert saw (the core's detail `status FAILED`), shown as the usual status tag. */
function statusSeen(alert: ActiveAlert): JobStatus | null {
  const match = alert.kind === 'job-status' ? /^status ([A-Z_]+)$/.exec(alert.detail) : null
  const status = match?.[1] as JobStatus | undefined
  return status && JOB_STATUSES.includes(status) ? status : null
}

/** Today's times as `HH:MM`, older ones with their date. */
function when(epochMs: number, now: number): string {
  return new Date(epochMs).toDateString() === new Date(now).toDateString()
    ? formatClock(epochMs)
    : formatDateTime(epochMs)
}

function AlertMarks({ alert, now }: { alert: ActiveAlert; now: number }) {
  const { t } = useTranslation()
  const marks: Array<{ key: string; text: string }> = []
  if (alert.acknowledgedAt !== null) marks.push({ key: 'ack', text: t('alerts.acknowledged') })
  if (alert.snoozedUntil === 'resolved')
    marks.push({ key: 'snooze', text: t('alerts.snoozedUntilResolved') })
  else if (alert.snoozedUntil !== null && alert.snoozedUntil > now)
    marks.push({
      key: 'snooze',
      text: t('alerts.snoozedUntil', { time: when(alert.snoozedUntil, now) })
    })
  if (alert.silencedBy !== null)
    marks.push({ key: 'silence', text: t('alerts.silenced', { by: alert.silencedBy }) })
  return (
    <>
      {marks.map((mark) => (
        <Tag key={mark.key} data-testid={`alert-mark-${mark.key}`}>
          {mark.text}
        </Tag>
      ))}
    </>
  )
}

export interface OpenAlertsListProps {
  alerts: ActiveAlert[]
  now: number
  /** The Overview's shorter rows: the actions beside the names. */
  compact?: boolean
}

export function OpenAlertsList({ alerts, now, compact = false }: OpenAlertsListProps) {
  const { t, i18n } = useTranslation()
  const english = i18n.language.startsWith('en')
  const actions = useAlertActions()
  const profiles = useConsole((state) => state.profiles)
  const serverLabel = useServerName()
  /** The server as the switcher names it (the demo in the UI language); the center's name otherwise. */
  const serverOf = (alert: ActiveAlert) =>
    serverLabel(profiles.find((profile) => profile.id === alert.profileId)) || alert.serverName
  const snoozeItems: Array<{ key: SnoozeChoice; label: string }> = [
    { key: '15m', label: t('alerts.snooze15') },
    { key: '1h', label: t('alerts.snooze60') },
    { key: 'resolved', label: t('alerts.snoozeResolved') }
  ]

  const actionButtons = (alert: ActiveAlert) => (
    <Flex gap={8} style={{ marginLeft: 'auto' }}>
      <Button
        size="small"
        disabled={alert.acknowledgedAt !== null}
        onClick={() => void actions.acknowledge(alert)}
        data-testid="alert-acknowledge"
      >
        {t('alerts.acknowledge')}
      </Button>
      <Dropdown
        trigger={['click']}
        menu={{
          items: snoozeItems.map(({ key, label }) => ({
            key,
            label: <span data-testid={`alert-snooze-${key}`}>{label}</span>
          })),
          onClick: ({ key }) => void actions.snooze(alert, key as SnoozeChoice)
        }}
      >
        <Button size="small" data-testid="alert-snooze">
          {t('alerts.snooze')}
        </Button>
      </Dropdown>
    </Flex>
  )

  return (
    <List
      size="small"
      dataSource={alerts}
      locale={{ emptyText: t('alerts.none') }}
      data-testid="open-alerts"
      renderItem={(alert) => {
        const status = statusSeen(alert)
        return (
          <List.Item data-testid="open-alert" data-state={alert.state}>
            <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
              <Flex gap={4} align="center" wrap>
                <Tag color={alert.state === 'unknown' ? 'default' : SEVERITY_COLOR[alert.severity]}>
                  {t(`alerts.severity.${alert.severity}`)}
                </Tag>
                <Typography.Text strong>{alert.ruleName}</Typography.Text>
                {alert.jobName !== null && (
                  <Typography.Link
                    onClick={() => void actions.openJob(alert)}
                    ellipsis
                    style={{ maxWidth: 260 }}
                  >
                    {alert.jobName}
                  </Typography.Link>
                )}
                {status && <JobStatusTag status={status} />}
                {compact && actionButtons(alert)}
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                {serverOf(alert)}
                {' · '}
                {alert.state === 'unknown'
                  ? t('alerts.unknownSince', { time: when(alert.unknownSince ?? alert.since, now) })
                  : t('alerts.firingSince', { time: when(alert.since, now) })}
                {/* The core's one-line detail is English (the CLI's text): shown as it is in English only, as the
                    rule's kind in other languages; a status is shown as a tag instead. */}
                {!status && ` · ${english ? alert.detail : t(`alerts.rules.kinds.${alert.kind}`)}`}
              </Typography.Text>
              <Flex gap={8} align="center" wrap>
                <AlertMarks alert={alert} now={now} />
                {!compact && actionButtons(alert)}
              </Flex>
            </Flex>
          </List.Item>
        )
      }}
    />
  )
}
