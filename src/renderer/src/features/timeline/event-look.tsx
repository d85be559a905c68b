/**
 * How a timeline event looks at a glance: an icon and a colour per kind, the colour saying how bad it was (a job
 * that failed, an alert that fired, an action that failed in red; a recovery in green; a gap in grey).
 */
import {
  AlertOutlined,
  BellOutlined,
  DisconnectOutlined,
  RedoOutlined,
  SaveOutlined,
  SwapOutlined,
  ThunderboltOutlined,
  WarningOutlined
} from '@ant-design/icons'
import type { GlobalToken } from 'antd'
import type { ReactNode } from 'react'
import type { TimelineEvent, TimelineEventKind } from '../../../../shared/timeline'

export const KIND_ICONS: Record<TimelineEventKind, ReactNode> = {
  status: <SwapOutlined />,
  restart: <RedoOutlined />,
  'checkpoint-failures': <WarningOutlined />,
  savepoint: <SaveOutlined />,
  alert: <BellOutlined />,
  action: <ThunderboltOutlined />,
  gap: <DisconnectOutlined />
}

const BAD_STATUSES = new Set(['FAILED', 'FAILING'])
const WARN_STATUSES = new Set(['RESTARTING', 'CANCELLING', 'CANCELED', 'UNKNOWN', 'SUSPENDED'])

/** The icon of an event (a firing alert rings louder than a resolved one). */
export function eventIcon(event: TimelineEvent): ReactNode {
  if (event.kind === 'alert' && (event.state === 'firing' || event.state === 'repeat'))
    return <AlertOutlined />
  return KIND_ICONS[event.kind]
}

/** The colour of an event's icon, from the theme's own status colours (so dark mode keeps its contrast). */
export function eventColor(event: TimelineEvent, token: GlobalToken): string {
  switch (event.kind) {
    case 'status':
      if (BAD_STATUSES.has(event.to)) return token.colorError
      if (WARN_STATUSES.has(event.to)) return token.colorWarning
      return event.to === 'RUNNING' ? token.colorSuccess : token.colorPrimary
    case 'restart':
      return token.colorWarning
    case 'checkpoint-failures':
      return token.colorError
    case 'savepoint':
      return token.colorPrimary
    case 'alert':
      if (event.state === 'resolved') return token.colorSuccess
      if (event.state === 'firing' || event.state === 'repeat')
        return event.severity === 'critical' ? token.colorError : token.colorWarning
      return token.colorTextTertiary
    case 'action':
      return event.ok ? token.colorPrimary : token.colorError
    case 'gap':
      return token.colorTextTertiary
  }
}
