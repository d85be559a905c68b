/**
 * "as of 10:42, 5 min ago": shown on every view whose data is cached or whose server is not live, so the operator
 * always knows how old what they read is. Live, fresh data shows nothing.
 */
import { ClockCircleOutlined } from '@ant-design/icons'
import { Tag, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatAgo, formatClock, formatDateTime } from '../format/units'
import { selectIsLive } from '../store/selectors'
import { useConsole } from '../store/store-context'
import { useNow } from './use-now'

export interface FreshnessMarkerProps {
  fresh: { asOf: number; stale: boolean } | undefined
}

export function FreshnessMarker({ fresh }: FreshnessMarkerProps) {
  const { t, i18n } = useTranslation()
  const live = useConsole(selectIsLive)
  const now = useNow(15_000)
  if (!fresh) return null
  if (live && !fresh.stale) return null
  // Time 0: nothing was ever read (a stale empty placeholder), which has no age to tell.
  if (fresh.asOf <= 0)
    return (
      <Tag icon={<ClockCircleOutlined />} color="warning" data-testid="stale-marker">
        {t('freshness.noData')}
      </Tag>
    )
  const text = t('freshness.asOf', {
    time: formatClock(fresh.asOf),
    ago: formatAgo(fresh.asOf, Math.max(now, fresh.asOf), i18n.language)
  })
  return (
    <Tooltip title={formatDateTime(fresh.asOf)}>
      <Tag icon={<ClockCircleOutlined />} color="warning" data-testid="stale-marker">
        {text}
      </Tag>
    </Tooltip>
  )
}
