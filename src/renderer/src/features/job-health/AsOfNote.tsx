/**
 * "As of 10:42:05 (12 seconds ago)" on every job-health tab: always shown, amber when the value came from the
 * cache, so the operator knows how old a checkpoint count or an exception is, live or not.
 */
import { ClockCircleOutlined } from '@ant-design/icons'
import { Tag, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNow } from '../../components/use-now'
import { formatAgo, formatDateTime } from '../../format/units'

export function AsOfNote({
  fresh
}: {
  fresh: { asOf: number; stale: boolean } | null | undefined
}) {
  const { t, i18n } = useTranslation()
  const now = useNow(5_000)
  if (!fresh) return null
  const values = {
    time: formatDateTime(fresh.asOf).slice(11),
    ago: formatAgo(fresh.asOf, Math.max(now, fresh.asOf), i18n.language)
  }
  return (
    <Tooltip title={formatDateTime(fresh.asOf)}>
      <Tag
        icon={<ClockCircleOutlined />}
        color={fresh.stale ? 'warning' : 'default'}
        data-testid="health-as-of"
        data-stale={fresh.stale}
      >
        {t(fresh.stale ? 'jobHealth.cachedAsOf' : 'jobHealth.asOf', values)}
      </Tag>
    </Tooltip>
  )
}
