/**
 * Charts pinned from a job's Metrics tab, on the Overview: each holds its job's metrics open (subscribed) while
 * the Overview shows it, over the last 5 minutes.
 */
import { Button, Card, Empty, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNow } from '../../components/use-now'
import type { PinnedChart } from '../../store/metrics-slice'
import { selectProfileId } from '../../store/selectors'
import { useConsole } from '../../store/store-context'
import { MetricChart, useChartLook } from './MetricChart'
import { useJobMetrics } from './use-job-metrics'

const WINDOW_MS = 5 * 60_000

export function PinnedMetricsCard() {
  const { t } = useTranslation()
  const profileId = useConsole(selectProfileId)
  const pins = useConsole((state) => state.pinnedCharts)
  const mine = pins.filter((pin) => pin.profileId === profileId)
  if (mine.length === 0) return null
  return (
    <Card
      title={t('metrics.pinnedTitle')}
      size="small"
      style={{ marginTop: 16 }}
      data-testid="pinned-metrics"
    >
      <div className="metric-grid">
        {mine.map((pin) => (
          <PinnedChartView key={`${pin.jid}|${pin.vertex}|${pin.metric}`} pin={pin} />
        ))}
      </div>
    </Card>
  )
}

function PinnedChartView({ pin }: { pin: PinnedChart }) {
  const { t } = useTranslation()
  const { view } = useJobMetrics(pin.profileId, pin.jid)
  const unpin = useConsole((state) => state.unpinChart)
  const now = useNow(1_000)
  const look = useChartLook()
  return (
    <div>
      <Typography.Text
        type="secondary"
        style={{ fontSize: 12 }}
        ellipsis={{ tooltip: pin.jobName }}
      >
        {pin.jobName} · {pin.vertexTitle || pin.vertex.slice(0, 8)}
      </Typography.Text>
      {view ? (
        <MetricChart
          points={view.points}
          outages={view.outages}
          intervalMs={view.intervalMs}
          look={look}
          vertex={pin.vertex}
          metric={pin.metric}
          from={now - WINDOW_MS}
          to={now}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
      <Button size="small" type="link" onClick={() => unpin(pin)}>
        {t('metrics.unpin')}
      </Button>
    </div>
  )
}
