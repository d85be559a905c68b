/** The heading of a view, with its freshness marker and the view's own controls on the right. */
import { Flex, Space, Typography } from 'antd'
import type { ReactNode } from 'react'
import { FreshnessMarker, type FreshnessMarkerProps } from './FreshnessMarker'

export interface ViewHeaderProps {
  title: ReactNode
  fresh?: FreshnessMarkerProps['fresh']
  extra?: ReactNode
  /** A short line next to the freshness marker (why the data is stale). */
  note?: ReactNode
}

export function ViewHeader({ title, fresh, extra, note }: ViewHeaderProps) {
  return (
    <Flex align="center" justify="space-between" wrap gap={8} style={{ marginBottom: 12 }}>
      <Space size="middle">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <FreshnessMarker fresh={fresh} />
        {note}
      </Space>
      {extra}
    </Flex>
  )
}
