/**
 * Why the cluster list is stale while the jobs are live (issue 13: a malformed or failed cluster list marks only
 * the clusters stale). Main names the reason as a connection reason; anything else is shown as "unknown", never
 * as the text itself.
 */
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { DISCONNECT_REASONS, type ConnectionReason } from '../../../../shared/connection'
import type { Cluster, Fresh } from '../../../../shared/models'

const KNOWN: ReadonlySet<string> = new Set(DISCONNECT_REASONS)
const isReason = (text: string): text is ConnectionReason => KNOWN.has(text)

export function ClustersStaleReason({ clusters }: { clusters: Fresh<Cluster[]> | undefined }) {
  const { t } = useTranslation()
  if (!clusters?.stale || !clusters.staleReason) return null
  const reason = isReason(clusters.staleReason)
    ? t(`connection.reasons.${clusters.staleReason}`)
    : t('clusters.staleUnknown')
  // With clusters still listed, say which ones they are.
  const key = clusters.value.length > 0 ? 'clusters.staleReasonKept' : 'clusters.staleReason'
  return (
    <Typography.Text type="warning" data-testid="clusters-stale-reason">
      {t(key, { reason })}
    </Typography.Text>
  )
}
