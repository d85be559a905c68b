/**
 * A timeline event in words, in the UI's language. Whatever came from the server or the operator (a checkpoint's
 * failure message, a savepoint path, an alert's detail, Dinky's answer to an action) is rendered as React text in
 * its own element, never interpolated into markup.
 */
import { Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { TimelineEvent } from '../../../../shared/timeline'
import { formatDuration } from '../../format/units'
import { formatSpan } from './time-span'

const SEVERITY_COLORS = { critical: 'red', warning: 'orange', info: 'blue' } as const

/** The headline of an event, one line of words (used alone in compact lists). */
export function useEventHeadline(): (event: TimelineEvent, now: number) => string {
  const { t } = useTranslation()
  return (event, now) => {
    switch (event.kind) {
      case 'status':
        return event.from === null
          ? t('timeline.statusFirst', { to: t(`status.${event.to}`) })
          : t('timeline.status', { from: t(`status.${event.from}`), to: t(`status.${event.to}`) })
      case 'restart':
        return event.count === 1
          ? t('timeline.restartOne', { total: event.total })
          : t('timeline.restartMany', { count: event.count, total: event.total })
      case 'checkpoint-failures': {
        const span = formatSpan(event.at, event.until)
        if (event.count === 1) return t('timeline.checkpointFailuresOne', { from: span.from })
        // A streak within one minute is not drawn as "07:36–07:36".
        return span.from === span.to
          ? t('timeline.checkpointFailuresAt', { count: event.count, from: span.from })
          : t('timeline.checkpointFailures', { count: event.count, ...span })
      }
      case 'savepoint':
        return t('timeline.savepoint')
      case 'alert':
        return t(`timeline.alert.${event.state}`)
      case 'action':
        return t(event.ok ? 'timeline.actionDone' : 'timeline.actionFailed', {
          action: t(`timeline.action.${event.action}`)
        })
      case 'gap': {
        const reason = t(`timeline.gapReason.${event.reason}`)
        if (event.until === null)
          return t('timeline.gapOngoing', { from: formatSpan(event.at, now).from, reason })
        return t('timeline.gap', {
          reason,
          ...formatSpan(event.at, event.until),
          duration: formatDuration(event.until - event.at, t)
        })
      }
    }
  }
}

/** The headline and, below it, the event's own particulars (rule and severity, message, path). */
export function TimelineEventText({ event, now }: { event: TimelineEvent; now: number }) {
  const { t } = useTranslation()
  const headline = useEventHeadline()
  return (
    <Space direction="vertical" size={0} style={{ minWidth: 0, width: '100%' }}>
      <Space size={6} wrap>
        <Typography.Text strong={event.kind !== 'gap'} data-testid="timeline-headline">
          {headline(event, now)}
        </Typography.Text>
        {event.kind === 'alert' && (
          <>
            <Tag color={SEVERITY_COLORS[event.severity]}>
              {t(`timeline.severity.${event.severity}`)}
            </Tag>
            <Typography.Text type="secondary">
              {t('timeline.rule', { rule: event.rule })}
            </Typography.Text>
          </>
        )}
      </Space>
      <EventParticulars event={event} />
    </Space>
  )
}

function EventParticulars({ event }: { event: TimelineEvent }) {
  const { i18n } = useTranslation()
  // An alert's detail is the core's English line (the CLI's text): told in English only; the rule and state say it
  // in the other languages. Dinky's own messages are shown as they came, whatever the language.
  const text =
    event.kind === 'checkpoint-failures'
      ? event.message
      : event.kind === 'alert'
        ? i18n.language.startsWith('en')
          ? event.detail
          : null
        : event.kind === 'action'
          ? event.message
          : null
  if (event.kind === 'savepoint' && event.path)
    return (
      <Typography.Text code copyable className="timeline-path" data-testid="timeline-path">
        {event.path}
      </Typography.Text>
    )
  if (!text) return null
  return (
    <Typography.Paragraph
      type="secondary"
      className="timeline-message"
      ellipsis={{ rows: 2, expandable: true }}
      data-testid="timeline-message"
    >
      {text}
    </Typography.Paragraph>
  )
}
