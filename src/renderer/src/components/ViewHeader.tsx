/** The heading of a view, with its freshness marker and the view's own controls on the right. */
import { Flex, Space, Typography, theme } from 'antd'
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
  const { token } = theme.useToken()
  return (
    <Flex align="center" justify="space-between" wrap gap={8} style={{ marginBottom: 12 }}>
      <Space size="middle">
        {/* An h2 under the window's h1 (the product name), drawn at h4's size. */}
        <Typography.Title level={2} style={{ margin: 0, fontSize: token.fontSizeHeading4 }}>
          {title}
        </Typography.Title>
        <FreshnessMarker fresh={fresh} />
        {note}
      </Space>
      {extra}
    </Flex>
  )
}
