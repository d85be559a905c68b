/**
 * The palette's second step for one job: open its details, its console log or its checkpoints, or take one of the
 * drawer's actions (JOB_ACTIONS, behind the same confirmation), disabled with the reason on a read-only server,
 * while its data is not live, or when the job has left the server's list.
 */
import { FileTextOutlined, FundOutlined, ProfileOutlined } from '@ant-design/icons'
import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { JOB_ACTIONS, type JobActionSpec } from '../jobs/job-action-specs'
import type { ListItem } from './PaletteList'
import { searchEntries, searchable } from './palette-search'

export type JobStepChoice =
  { kind: 'open'; tab: 'console' | 'checkpoints' | null } | { kind: 'action'; spec: JobActionSpec }

export type JobStepItem = ListItem & { choice: JobStepChoice }

const OPENERS: Array<{ tab: 'console' | 'checkpoints' | null; icon: ReactNode; label: string }> = [
  { tab: null, icon: <ProfileOutlined />, label: 'palette.openDetails' },
  { tab: 'console', icon: <FileTextOutlined />, label: 'palette.openConsole' },
  { tab: 'checkpoints', icon: <FundOutlined />, label: 'palette.openCheckpoints' }
]

/**
 * The step's items for `query`. `blocked` is why actions cannot be taken (read-only, not live), `gone` whether the
 * job is missing from its server's list (then nothing but its details can be tried).
 */
export function jobStepItems(
  t: TFunction,
  query: string,
  blocked: string | null,
  gone: boolean
): JobStepItem[] {
  const kind = t('palette.kinds.command')
  const items: JobStepItem[] = [
    ...OPENERS.map(({ tab, icon, label }) => ({
      key: `open:${tab ?? 'details'}`,
      title: t(label as 'palette.openDetails'),
      detail: '',
      kind,
      disabled: gone && tab !== null ? t('palette.jobGone') : null,
      icon,
      choice: { kind: 'open', tab } as const
    })),
    ...JOB_ACTIONS.map((spec) => ({
      key: `action:${spec.key}`,
      title: spec.label(t),
      detail: '',
      kind,
      disabled: gone ? t('palette.jobGone') : blocked,
      danger: spec.danger,
      icon: spec.icon,
      choice: { kind: 'action', spec } as const
    }))
  ]
  if (query.trim() === '') return items
  const found = searchEntries(
    query,
    items.map((item) =>
      searchable({ ...item, id: item.key, kind: 'command' as const, detail: item.key })
    )
  )
  return found.hits.map((hit) => items.find((item) => item.key === hit.entry.id)!)
}
