/**
 * A state drawn as a small mark where a coloured dot used to stand alone (a job's health, a cluster's availability):
 * each state has its own shape as well as its colour, and the mark carries its meaning as an accessible name (and a
 * tooltip), so the state is never told by colour alone.
 */
import {
  CheckCircleFilled,
  CloseCircleFilled,
  ExclamationCircleFilled,
  MinusCircleOutlined
} from '@ant-design/icons'
import { theme } from 'antd'
import type { ComponentType, CSSProperties } from 'react'

export type MarkKind = 'success' | 'warning' | 'error' | 'default'

const SHAPE: Record<MarkKind, ComponentType<{ style?: CSSProperties; 'aria-label'?: string }>> = {
  success: CheckCircleFilled,
  warning: ExclamationCircleFilled,
  error: CloseCircleFilled,
  default: MinusCircleOutlined
}

export interface StatusMarkProps {
  kind: MarkKind
  /** What the state means, in words: the mark's accessible name (antd's icons are role="img"). */
  label: string
}

export function StatusMark({ kind, label }: StatusMarkProps) {
  const { token } = theme.useToken()
  const Shape = SHAPE[kind]
  const color = {
    success: token.colorSuccess,
    warning: token.colorWarning,
    error: token.colorError,
    default: token.colorTextTertiary
  }[kind]
  return <Shape style={{ color }} aria-label={label} />
}
