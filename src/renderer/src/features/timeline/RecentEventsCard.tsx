/**
 * Overview: the most recent timeline events across every server, newest first and bounded; loaded from main when
 * shown, kept current by `timeline:event` pushes. A job's event opens the job's Timeline tab.
 */
import { Card, Empty, Typography } from 'antd'
import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { TimelineEvent } from '../../../../shared/timeline'
import { useNow } from '../../components/use-now'
import { unwrap } from '../../ipc/unwrap-result'
import { useConsole, useConsoleApi } from '../../store/store-context'
import { useServerName } from '../connection/server-name'
import { TimelineList } from './TimelineList'
import { useOpenTimeline } from './use-open-timeline'

/** How many events the card shows, and asks each server for. */
export const RECENT_SHOWN = 12

export function RecentEventsCard() {
  const { t } = useTranslation()
  const api = useConsoleApi()
  const profiles = useConsole((state) => state.profiles)
  const recent = useConsole((state) => state.timelineRecent)
  const addEvents = useConsole((state) => state.addTimelineEvents)
  const serverName = useServerName()
  const openTimeline = useOpenTimeline()
  const now = useNow(30_000)
  const ids = profiles.map((profile) => profile.id).join('\u0000')

  useEffect(() => {
    let current = true
    for (const profileId of ids ? ids.split('\u0000') : []) {
      const query = { limit: RECENT_SHOWN }
      unwrap(api.invoke('timeline:events', { profileId, query })).then(
        (events) => current && addEvents(events),
        () => undefined
      )
    }
    return () => {
      current = false
    }
  }, [api, ids, addEvents])

  const events = useMemo(
    () =>
      profiles
        .flatMap((profile) => (recent[profile.id] ?? []).slice(0, RECENT_SHOWN))
        .sort((a, b) => b.at - a.at)
        .slice(0, RECENT_SHOWN),
    [profiles, recent]
  )
  const caption = (event: TimelineEvent) => (
    <Typography.Text type="secondary" ellipsis className="timeline-caption">
      {profiles.length > 1 && `${serverName(profiles.find((p) => p.id === event.profileId))} · `}
      {event.jobName ?? t('timeline.serverEvent')}
    </Typography.Text>
  )

  return (
    <Card
      size="small"
      title={t('timeline.recent.title')}
      style={{ marginTop: 16 }}
      styles={{ body: { maxHeight: 420, overflow: 'auto' } }}
      data-testid="recent-events"
    >
      {events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timeline.recent.empty')} />
      ) : (
        <TimelineList
          events={events}
          now={now}
          caption={caption}
          onOpen={(event) => void openTimeline(event.profileId, event.jobId!)}
        />
      )}
    </Card>
  )
}
