/**
 * A job's live Flink metrics in its drawer: one small chart per vertex × metric, grouped by vertex, over the last
 * 5 minutes, hour or 6 hours, live while the tab is open (the job's topic is subscribed only meanwhile), backfilled
 * after every reconnect, shown from the cache with its age when the server is unreachable, and a plain word when
 * Dinky collects nothing.
 */
import { Alert, Button, Card, Flex, Segmented, Space } from 'antd'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Job } from '../../../../shared/models'
import { FailureAlert } from '../../components/FailureAlert'
import { useNow } from '../../components/use-now'
import { formatDateTime } from '../../format/units'
import { selectProfileId } from '../../store/selectors'
import { metricsKey } from '../../store/metrics-slice'
import { useConsole, useConsoleStore } from '../../store/store-context'
import { chartKey, MetricChart, useChartLook } from './MetricChart'
import { MetricPicker } from './MetricPicker'
import { MetricsLegend } from './MetricsLegend'
import { groupSeries } from './metric-series-list'
import { useJobMetrics } from './use-job-metrics'
import { useVisibleCharts } from './use-visible-charts'

export const WINDOWS = { m5: 5 * 60_000, h1: 60 * 60_000, h6: 6 * 60 * 60_000 } as const
export type MetricsWindow = keyof typeof WINDOWS

export function JobMetricsTab({ job, address }: { job: Job; address: string | null }) {
  const { t } = useTranslation()
  const profileId = useConsole(selectProfileId)
  const { view, error } = useJobMetrics(profileId, job.jid)
  const pins = useConsole((state) => state.pinnedCharts)
  const pinChart = useConsole((state) => state.pinChart)
  const [windowName, setWindowName] = useState<MetricsWindow>('m5')
  const [picking, setPicking] = useState(false)
  // The window moves with each new sample (one render per push batch, not one more per second), and every 5 s
  // when none comes.
  const tick = useNow(5_000)
  const store = useConsoleStore()
  const look = useChartLook()
  const chartsRef = useRef<HTMLDivElement>(null)
  const onPin = useCallback(
    (vertex: string, metric: string) => {
      if (!job.jid) return
      const current = store.getState().metricsViews[metricsKey(profileId, job.jid)]
      const title = groupSeries(current).find((g) => g.vertex === vertex)?.title ?? ''
      pinChart({ profileId, jid: job.jid, jobName: job.name, vertex, vertexTitle: title, metric })
    },
    [store, pinChart, profileId, job.jid, job.name]
  )
  const groups = groupSeries(view)
  const layoutKey = groups.map((g) => chartKey(g.vertex, g.metrics.join('\n'))).join('\n')
  const visible = useVisibleCharts(chartsRef, layoutKey)
  // Asked from the job graph's vertex panel: that vertex's charts are brought into view (once they are drawn).
  const focusVertex = useConsole((state) => state.metricsVertex)
  const focusShown = focusVertex !== null && groups.some((g) => g.vertex === focusVertex)
  useEffect(() => {
    if (!focusShown) return
    const card = chartsRef.current?.querySelector(`[data-vertex="${CSS.escape(focusVertex!)}"]`)
    card?.scrollIntoView?.({ block: 'start' })
  }, [focusShown, focusVertex])
  if (!job.jid) return <Alert type="info" showIcon title={t('metrics.noJid')} />
  const jid = job.jid
  const to =
    view?.stale && view.asOf
      ? Math.max(view.asOf, view.lastSampleAt ?? 0)
      : Math.max(tick, view?.lastSampleAt ?? 0)
  const from = to - WINDOWS[windowName]
  const isPinned = (vertex: string, metric: string) =>
    pins.some(
      (p) =>
        p.profileId === profileId && p.jid === jid && p.vertex === vertex && p.metric === metric
    )

  return (
    <div data-testid="job-metrics" ref={chartsRef}>
      {/* The controls together on the left; the legend after them, on a line of its own in a narrow drawer. */}
      <Flex wrap align="center" justify="space-between" gap={8} style={{ marginBottom: 12 }}>
        <Space>
          <Segmented<MetricsWindow>
            value={windowName}
            onChange={setWindowName}
            options={(Object.keys(WINDOWS) as MetricsWindow[]).map((key) => ({
              value: key,
              label: t(`metrics.window.${key}`)
            }))}
          />
          <Button size="small" onClick={() => setPicking(true)} disabled={!view || view.stale}>
            {t('metrics.pick')}
          </Button>
        </Space>
        <MetricsLegend />
      </Flex>
      {error !== null && <FailureAlert error={error} titleKey="metrics.loadFailed" />}
      {view?.stale && view.asOf !== null && (
        <Alert
          type="warning"
          showIcon
          data-testid="metrics-offline"
          title={t('metrics.offline', { time: formatDateTime(view.asOf) })}
          style={{ marginBottom: 12 }}
        />
      )}
      {view && <DiagnosisAlert diagnosis={view.diagnosis} hasPoints={view.points.length > 0} />}
      {groups.map((group) => (
        <Card
          key={group.vertex}
          data-vertex={group.vertex}
          data-testid="metrics-vertex"
          className={group.vertex === focusVertex ? 'metrics-vertex-focused' : undefined}
          size="small"
          style={{ marginBottom: 12 }}
          title={
            <span title={group.vertex}>
              {group.title || t('metrics.vertex', { id: group.vertex.slice(0, 8) })}
            </span>
          }
        >
          <div className="metric-grid">
            {group.metrics.map((metric) => (
              <MetricChart
                key={metric}
                points={view!.points}
                outages={view!.outages}
                intervalMs={view!.intervalMs}
                look={look}
                vertex={group.vertex}
                metric={metric}
                from={from}
                to={to}
                pinned={isPinned(group.vertex, metric)}
                onPin={onPin}
                offscreen={visible !== null && !visible.has(chartKey(group.vertex, metric))}
              />
            ))}
          </div>
        </Card>
      ))}
      {picking && view && (
        <MetricPicker job={job} address={address} view={view} onClose={() => setPicking(false)} />
      )}
    </div>
  )
}

function DiagnosisAlert({ diagnosis, hasPoints }: { diagnosis: string; hasPoints: boolean }) {
  const { t } = useTranslation()
  if (diagnosis === 'collection-disabled')
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="metrics-disabled"
        title={t('metrics.disabledTitle')}
        description={t('metrics.disabledHint')}
        style={{ marginBottom: 12 }}
      />
    )
  if (diagnosis === 'no-layout')
    return <Alert type="info" showIcon title={t('metrics.noLayout')} style={{ marginBottom: 12 }} />
  if (diagnosis === 'not-running' && !hasPoints)
    return (
      <Alert type="info" showIcon title={t('metrics.notRunning')} style={{ marginBottom: 12 }} />
    )
  if (diagnosis === 'waiting' && !hasPoints)
    return <Alert type="info" showIcon title={t('metrics.waiting')} style={{ marginBottom: 12 }} />
  return null
}
