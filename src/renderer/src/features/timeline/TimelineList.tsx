/**
 * Timeline events newest first: each with its icon and colour, its words, its absolute time and how long ago. A gap
 * is a band of its own (hatched, dashed, in grey), the whole width: a period the console did not see must never
 * look like a quiet one.
 */
import { theme, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { TimelineEvent } from '../../../../shared/timeline'
import { formatAgo, formatDateTime } from '../../format/units'
import { eventColor, eventIcon } from './event-look'
import { TimelineEventText } from './TimelineEventText'

export interface TimelineListProps {
  events: readonly TimelineEvent[]
  now: number
  /** What to show above an event's words (the Overview names the server and the job). */
  caption?: (event: TimelineEvent) => ReactNode
  /** A click on a job's event (the Overview opens the job's timeline); server events do not open. */
  onOpen?: (event: TimelineEvent) => void
}

export function TimelineList({ events, now, caption, onOpen }: TimelineListProps) {
  const { i18n } = useTranslation()
  const { token } = theme.useToken()
  return (
    <ol className="timeline-list" data-testid="timeline-list">
      {events.map((event) => {
        const color = eventColor(event, token)
        const gap = event.kind === 'gap'
        const open = onOpen && event.jobId !== null ? () => onOpen(event) : undefined
        return (
          <li
            key={event.id}
            className={gap ? 'timeline-row timeline-gap' : 'timeline-row'}
            data-testid={gap ? 'timeline-gap' : 'timeline-event'}
            data-kind={event.kind}
            style={{
              cursor: open ? 'pointer' : undefined,
              borderColor: gap ? token.colorBorder : undefined
            }}
            onClick={open}
          >
            <span className="timeline-icon" style={{ color }} aria-hidden>
              {eventIcon(event)}
            </span>
            {/* The button is inside the list item: a list holds only items (axe's `list` rule). */}
            <div
              className="timeline-body"
              role={open ? 'button' : undefined}
              tabIndex={open ? 0 : undefined}
              onKeyDown={open && ((key) => key.key === 'Enter' && open())}
            >
              {caption?.(event)}
              <TimelineEventText event={event} now={now} />
              <Typography.Text
                type="secondary"
                className="timeline-time"
                data-testid="timeline-time"
              >
                {formatDateTime(event.at)} ·{' '}
                {formatAgo(event.at, Math.max(now, event.at), i18n.language)}
              </Typography.Text>
            </div>
          </li>
        )
      })}
    </ol>
  )
}
