/**
 * Whether the selected server may be acted on now, and if not, why — the one answer every action button (job
 * actions, restore, metric layout save) shows: a read-only server (issue 23) never, whatever its state; any other
 * only while its data is live, because acting on a stale picture is how jobs get cancelled twice. Main refuses
 * the same actions on a read-only server; this only keeps the buttons from offering them.
 */
import { useTranslation } from 'react-i18next'
import { selectIsLive, selectIsReadOnly } from '../../store/selectors'
import { useConsole } from '../../store/store-context'

export interface ActionGate {
  enabled: boolean
  live: boolean
  readOnly: boolean
  /** Why the actions are disabled, in the UI language; null when they are enabled. */
  reason: string | null
}

export function useActionGate(): ActionGate {
  const { t } = useTranslation()
  const live = useConsole(selectIsLive)
  const readOnly = useConsole(selectIsReadOnly)
  const reason = readOnly ? t('readOnly.disabled') : live ? null : t('jobDetail.notLive')
  return { enabled: reason === null, live, readOnly, reason }
}
