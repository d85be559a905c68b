/** The job graph's key: the idle → busy colour ramp, what hatching and the orange border mean, in words. */
import { Space, Typography } from 'antd'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import { busyFill } from './vertex-look'

export const GraphLegend = memo(function GraphLegend({ dark }: { dark: boolean }) {
  const { t } = useTranslation()
  const ramp = [0, 25, 50, 75, 100].map((busy) => busyFill(busy, dark)).join(', ')
  return (
    <Space size={12} wrap className="job-graph-legend">
      <Space size={4}>
        <Typography.Text type="secondary">{t('jobGraph.legendIdle')}</Typography.Text>
        <span
          className="job-graph-ramp"
          style={{ background: `linear-gradient(90deg, ${ramp})` }}
        />
        <Typography.Text type="secondary">{t('jobGraph.legendBusy')}</Typography.Text>
      </Space>
      <Typography.Text type="secondary">{t('jobGraph.legendHatched')}</Typography.Text>
      <Typography.Text type="secondary">{t('jobGraph.legendSkewed')}</Typography.Text>
    </Space>
  )
})
