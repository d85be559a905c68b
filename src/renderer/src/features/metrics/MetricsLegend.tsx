/** What the marks on a metric chart mean: pushed vs backfilled lines, our outages vs the server's holes. */
import { Space, theme, Typography } from 'antd'
import { useTranslation } from 'react-i18next'

export function MetricsLegend() {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const swatch = (style: React.CSSProperties) => (
    <span
      style={{ display: 'inline-block', width: 18, height: 10, verticalAlign: 'middle', ...style }}
    />
  )
  return (
    <Space size="middle" wrap style={{ fontSize: 12 }}>
      <Typography.Text style={{ fontSize: 12 }}>
        {swatch({ borderTop: `2px solid ${token.colorPrimary}`, height: 0 })}{' '}
        {t('metrics.legendLive')}
      </Typography.Text>
      <Typography.Text style={{ fontSize: 12 }}>
        {swatch({ borderTop: `2px dashed ${token.colorWarning}`, height: 0 })}{' '}
        {t('metrics.legendBackfill')}
      </Typography.Text>
      <Typography.Text style={{ fontSize: 12 }}>
        {swatch({ background: token.colorFillSecondary })} {t('metrics.legendOutage')}
      </Typography.Text>
      <Typography.Text style={{ fontSize: 12 }}>
        {swatch({
          background: `repeating-linear-gradient(45deg, ${token.colorErrorBorder} 0 2px, transparent 2px 5px)`
        })}{' '}
        {t('metrics.legendHole')}
      </Typography.Text>
    </Space>
  )
}
