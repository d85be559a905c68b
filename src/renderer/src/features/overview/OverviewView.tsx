/** Overview: job status counts, cluster health and recent failures at a glance, from whatever data is freshest. */
import { Card, Col, Row, Statistic, theme } from 'antd'
import { useTranslation } from 'react-i18next'
import type { StatusCounts } from '../../../../shared/models'
import { ViewHeader } from '../../components/ViewHeader'
import { selectCounts, selectJobs } from '../../store/selectors'
import { useConsole } from '../../store/store-context'
import { ClusterHealthCard } from './ClusterHealthCard'
import { RecentFailuresCard } from './RecentFailuresCard'
import { PinnedMetricsCard } from '../metrics/PinnedMetricsCard'
import { AwayCards } from '../timeline/AwayCard'
import { RecentEventsCard } from '../timeline/RecentEventsCard'
import { OverviewAlertsCard } from '../alerts/OverviewAlertsCard'

type TextColor = 'colorSuccessText' | 'colorErrorText' | 'colorWarningTextActive' | 'colorInfoText'

/** Counts in their status's text colour (antd's text tokens: readable on the card in both themes). */
const TILES: Array<{ key: keyof StatusCounts; status: string; color?: TextColor }> = [
  { key: 'all', status: 'overview.all' },
  { key: 'running', status: 'status.RUNNING', color: 'colorSuccessText' },
  { key: 'failed', status: 'status.FAILED', color: 'colorErrorText' },
  { key: 'restarting', status: 'status.RESTARTING', color: 'colorWarningTextActive' },
  { key: 'finished', status: 'status.FINISHED', color: 'colorInfoText' },
  { key: 'canceled', status: 'status.CANCELED' }
]

export function OverviewView() {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const counts = useConsole(selectCounts)
  const jobs = useConsole(selectJobs)
  const navigate = useConsole((state) => state.navigate)

  return (
    <>
      <ViewHeader title={t('nav.overview')} fresh={counts ?? jobs} />
      <AwayCards />
      <OverviewAlertsCard />
      <Card title={t('overview.jobs')} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[16, 16]}>
          {TILES.map((tile) => (
            <Col key={tile.key} xs={12} md={8} xl={4}>
              <Card
                size="small"
                hoverable
                onClick={() => navigate('jobs')}
                data-testid={`count-${tile.key}`}
              >
                <Statistic
                  title={t(tile.status as 'overview.all')}
                  value={counts ? counts.value[tile.key] : '—'}
                  styles={{ content: tile.color ? { color: token[tile.color] } : undefined }}
                />
              </Card>
            </Col>
          ))}
        </Row>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <ClusterHealthCard />
        </Col>
        <Col xs={24} lg={12}>
          <RecentFailuresCard />
        </Col>
      </Row>
      <RecentEventsCard />
      <PinnedMetricsCard />
    </>
  )
}
