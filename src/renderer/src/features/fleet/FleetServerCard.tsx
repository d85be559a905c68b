/**
 * One server of the fleet: name (and a read-only mark), state in words, how old its figures are, Dinky version and
 * transport, jobs by status, failing jobs by name, firing alerts and clusters. A click anywhere on the card (or Enter
 * on its name) opens that server's overview; a failing job's name opens that job on its server.
 *
 * It reads its own model (`FleetSummaries.server`), which stays the same object until this server changes: a push
 * for another server does not re-render it.
 */
import { LockOutlined } from '@ant-design/icons'
import { App, Button, Card, Flex, Tag, Tooltip } from 'antd'
import { memo, useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useServerName } from '../connection/server-name'
import { useOpenJobOnServer } from '../jobs/open-job-on-server'
import { errorMessage } from '../../ipc/unwrap-result'
import { useConsole } from '../../store/store-context'
import {
  FleetAlertsAndClusters,
  FleetFailingJobs,
  FleetFreshness,
  FleetJobCounts,
  FleetStateLabel,
  useStateText
} from './FleetCardParts'
import type { FleetSummaries } from './fleet-summaries'
import { useOpenServer } from './use-open-server'

export interface FleetServerCardProps {
  profileId: string
  summaries: FleetSummaries
}

export const FleetServerCard = memo(function FleetServerCard(props: FleetServerCardProps) {
  const { profileId, summaries } = props
  const { t } = useTranslation()
  const model = useConsole((state) => summaries.server(state, profileId))
  const serverName = useServerName()
  const stateText = useStateText()
  const openServer = useOpenServer()
  const openJob = useOpenJobOnServer()
  const { message } = App.useApp()
  const onOpenJob = useCallback(
    (jobId: number) =>
      void openJob(profileId, jobId).catch(
        (error: unknown) => void message.error(t('common.failed', { message: errorMessage(error) }))
      ),
    [openJob, profileId, message, t]
  )
  const name = model ? serverName({ name: model.summary.name, demo: model.demo }) : ''
  const readOnly = model?.summary.readOnly === true
  // The same element while the name stands: a job push redraws the card's figures, not its title's button.
  const title = useMemo(
    () => (
      <Flex align="center" gap={8} style={{ minWidth: 0 }}>
        {/* The click reaches the card's own handler; the button is what Tab and Enter find. */}
        <Button
          type="text"
          data-testid="fleet-server-open"
          aria-label={t('fleet.openServer', { name })}
          style={{ paddingInline: 4, fontWeight: 600, fontSize: 15, minWidth: 0 }}
        >
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{name}</span>
        </Button>
        {readOnly && (
          <Tooltip title={t('fleet.readOnlyHint')}>
            <Tag icon={<LockOutlined />} data-testid="fleet-read-only">
              {t('fleet.readOnly')}
            </Tag>
          </Tooltip>
        )}
      </Flex>
    ),
    [name, readOnly, t]
  )
  if (!model) return null
  const { summary, connection, cached } = model
  const stateInput = { state: summary.state, connection, cached }
  const reason = connection && 'reason' in connection ? connection.reason : null
  const version = summary.version
    ? [t('fleet.version', { version: summary.version })]
        .concat(summary.transport ? [t(`fleet.transport.${summary.transport}`)] : [])
        .join(' · ')
    : t('fleet.versionUnknown')

  return (
    <Card
      size="small"
      hoverable
      data-testid="fleet-server"
      data-profile-id={profileId}
      data-state={summary.state}
      data-failing={summary.failingTotal}
      role="group"
      aria-label={t('fleet.cardLabel', { name, state: stateText(stateInput) })}
      style={{ height: '100%', cursor: 'pointer' }}
      onClick={() => void openServer(profileId)}
      title={title}
      extra={<FleetStateLabel {...stateInput} />}
    >
      {/* Plain boxes: the body redraws on every change of this server's jobs. */}
      <div className="fleet-card-body">
        <div className="fleet-card-meta">
          <span className="fleet-secondary" data-testid="fleet-version">
            {version}
          </span>
          {summary.stale && <FleetFreshness summary={summary} cached={cached} />}
        </div>
        {reason && summary.state !== 'live' && (
          <span className="fleet-secondary" data-testid="fleet-reason">
            {t('fleet.reason', { reason: t(`connection.reasons.${reason}`) })}
          </span>
        )}
        <FleetJobCounts counts={summary.counts} />
        <FleetFailingJobs summary={summary} onOpen={onOpenJob} />
        <FleetAlertsAndClusters summary={summary} />
      </div>
    </Card>
  )
})
