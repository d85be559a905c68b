/** The words for an update status, in the UI's language: one place for Settings, the avatar menu and the prompt. */
import type { TFunction } from 'i18next'
import type { UpdateStatus } from '../../../../shared/updates'
import { formatAgo } from '../../format/units'

export function updateStateText(
  t: TFunction,
  status: UpdateStatus,
  now: number,
  language: string
): string {
  const state = status.state
  switch (state.kind) {
    case 'unavailable':
      return t(`updates.unavailable.${state.reason}`)
    case 'idle':
      return t('updates.idle')
    case 'checking':
      return t('updates.checking')
    case 'up-to-date':
      return t('updates.upToDate', {
        ago: formatAgo(state.checkedAt, Math.max(now, state.checkedAt), language)
      })
    case 'downloading':
      return t('updates.downloading', { version: state.version, percent: state.percent })
    case 'ready':
      return t('updates.ready', { version: state.version })
    case 'error':
      return t('updates.error', { message: state.message })
  }
}
