/**
 * Fleet overview (issue 23): every configured server at a glance, worst first, so "is anything failing anywhere?" is
 * answered without clicking through the switcher. The list subscribes only to the order (a string); each card
 * subscribes to its own server, so a change on one server re-renders one card.
 */
import { Col, Empty, Row, Typography } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { ViewHeader } from '../../components/ViewHeader'
import type { ConsoleState } from '../../store/console-store'
import { useConsole } from '../../store/store-context'
import { createFleetSummaries, type FleetSummaries } from './fleet-summaries'
import { FleetServerCard } from './FleetServerCard'

export function FleetView() {
  const { t } = useTranslation()
  const summaries = useMemo(() => createFleetSummaries(), [])
  const order = useConsole((state) => summaries.order(state))
  const live = useConsole((state) => (order === '' ? 0 : countLive(summaries, state, order)))
  const ids = order === '' ? [] : order.split('\n')

  return (
    <div data-testid="fleet-overview">
      <ViewHeader
        title={t('nav.fleet')}
        note={
          ids.length > 0 && (
            <Typography.Text type="secondary" data-testid="fleet-summary">
              {t('fleet.summary', { live, total: ids.length })}
            </Typography.Text>
          )
        }
      />
      {ids.length === 0 ? (
        <Empty description={t('fleet.none')} />
      ) : (
        <Row gutter={[16, 16]} role="list">
          {ids.map((profileId) => (
            <Col key={profileId} xs={24} md={12} xl={8} role="listitem">
              <FleetServerCard profileId={profileId} summaries={summaries} />
            </Col>
          ))}
        </Row>
      )}
    </div>
  )
}

/** Servers whose data is live: live, or live by polling (degraded). */
function countLive(summaries: FleetSummaries, state: ConsoleState, order: string): number {
  return order.split('\n').filter((id) => {
    const kind = summaries.server(state, id)?.summary.state
    return kind === 'live' || kind === 'degraded'
  }).length
}
