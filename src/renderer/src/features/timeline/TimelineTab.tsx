/**
 * The job drawer's Timeline tab (issue 22): what happened to the job, newest first, with the server's gaps drawn in
 * as bands; loaded from main's kept timeline when the tab opens and kept current by `timeline:event` pushes (the
 * store's recent events). Filter by kind; export the job's timeline as CSV or JSON. The job's open alerts sit on top,
 * with their snooze and acknowledge.
 */
import { DownloadOutlined } from '@ant-design/icons'
import { Button, Empty, Select, Space, Typography } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Job } from '../../../../shared/models'
import type { TimelineEvent, TimelineEventKind } from '../../../../shared/timeline'
import { FailureAlert } from '../../components/FailureAlert'
import { useNow } from '../../components/use-now'
import { unwrap } from '../../ipc/unwrap-result'
import { selectProfileId } from '../../store/selectors'
import { useConsole, useConsoleApi } from '../../store/store-context'
import { mergeEvents } from '../../store/timeline-slice'
import { OpenAlertsList } from '../alerts/OpenAlertsList'
import { KIND_ICONS } from './event-look'
import { TimelineList } from './TimelineList'
import { useTimelineExport } from './use-timeline-export'

/** How many of the job's events the tab asks for and shows. */
export const TAB_EVENTS = 500

const KINDS = Object.keys(KIND_ICONS) as TimelineEventKind[]
const NO_EVENTS: TimelineEvent[] = []

type Loaded = { key: string; events: TimelineEvent[]; error: unknown }

/** The job's own events and the server's gaps (the job was not watched either). */
const concerns = (jobId: number) => (event: TimelineEvent) =>
  event.jobId === jobId || (event.jobId === null && event.kind === 'gap')

export function TimelineTab({ job }: { job: Job }) {
  const { t } = useTranslation()
  const api = useConsoleApi()
  const profileId = useConsole(selectProfileId)
  const recent = useConsole((state) => state.timelineRecent[profileId] ?? NO_EVENTS)
  const allAlerts = useConsole((state) => state.activeAlerts)
  // The job's open alerts, to snooze or acknowledge right beside what caused them.
  const openAlerts = useMemo(
    () => allAlerts.filter((a) => a.profileId === profileId && a.jobId === job.id),
    [allAlerts, profileId, job.id]
  )
  const now = useNow(30_000)
  const [kinds, setKinds] = useState<TimelineEventKind[]>([])
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const key = `${profileId}\u0000${job.id}`
  const exportAs = useTimelineExport(profileId, job.id)

  useEffect(() => {
    let current = true
    const query = { jobId: job.id, limit: TAB_EVENTS }
    unwrap(api.invoke('timeline:events', { profileId, query })).then(
      (events) => current && setLoaded({ key, events, error: null }),
      (error: unknown) => current && setLoaded({ key, events: [], error: error ?? 'failed' })
    )
    return () => {
      current = false
    }
  }, [api, profileId, job.id, key])

  const mine = loaded?.key === key ? loaded : null
  const events = useMemo(() => {
    const all = mergeEvents(mine?.events ?? NO_EVENTS, recent.filter(concerns(job.id)), TAB_EVENTS)
    return kinds.length === 0 ? all : all.filter((event) => kinds.includes(event.kind))
  }, [mine, recent, job.id, kinds])

  return (
    <div data-testid="timeline-tab">
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 240 }}
          placeholder={t('timeline.filterKinds')}
          aria-label={t('timeline.filterKinds')}
          value={kinds}
          onChange={setKinds}
          options={KINDS.map((kind) => ({ value: kind, label: t(`timeline.kinds.${kind}`) }))}
          data-testid="timeline-filter"
        />
        <Space>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void exportAs('csv')}
            data-testid="timeline-export-csv"
          >
            {t('timeline.exportCsv')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void exportAs('json')}
            data-testid="timeline-export-json"
          >
            {t('timeline.exportJson')}
          </Button>
        </Space>
      </Space>
      {openAlerts.length > 0 && (
        <div data-testid="timeline-open-alerts" style={{ marginBottom: 12 }}>
          <Typography.Text strong>{t('timeline.openAlerts')}</Typography.Text>
          <OpenAlertsList alerts={openAlerts} now={now} compact />
        </div>
      )}
      {mine?.error != null && <FailureAlert error={mine.error} titleKey="timeline.loadFailed" />}
      {mine && events.length === 0 && (
        <Empty description={t(kinds.length > 0 ? 'timeline.noneOfKinds' : 'timeline.empty')} />
      )}
      {events.length > 0 && <TimelineList events={events} now={now} />}
    </div>
  )
}
