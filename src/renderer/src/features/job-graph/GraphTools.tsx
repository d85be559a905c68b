/**
 * The job graph's zoom buttons, each with a name (for screen readers and the tooltip). Memoized on its stable
 * callbacks: a detail update redraws the vertices, not the toolbar.
 */
import { CompressOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons'
import { Button, Space, Tooltip } from 'antd'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'

interface Props {
  zoomBy: (factor: number) => void
  fit: () => void
}

export const GraphTools = memo(function GraphTools({ zoomBy, fit }: Props) {
  const { t } = useTranslation()
  return (
    <Space className="job-graph-tools" size={4}>
      <Tooltip title={t('jobGraph.zoomIn')}>
        <Button
          size="small"
          icon={<ZoomInOutlined />}
          aria-label={t('jobGraph.zoomIn')}
          onClick={() => zoomBy(1.25)}
        />
      </Tooltip>
      <Tooltip title={t('jobGraph.zoomOut')}>
        <Button
          size="small"
          icon={<ZoomOutOutlined />}
          aria-label={t('jobGraph.zoomOut')}
          onClick={() => zoomBy(0.8)}
        />
      </Tooltip>
      <Tooltip title={t('jobGraph.fit')}>
        <Button
          size="small"
          icon={<CompressOutlined />}
          aria-label={t('jobGraph.fit')}
          onClick={fit}
        />
      </Tooltip>
    </Space>
  )
})
