/**
 * The rules document as main keeps it (issue 22): loaded with `alerts:rules`, saved whole with
 * `alerts:save-rules`, which answers with what it kept or refuses with a message naming the rule and field.
 */
import { useCallback, useEffect, useState } from 'react'
import type { AlertRulesDocument } from '../../../../shared/alerts'
import { unwrap } from '../../ipc/unwrap-result'
import { useConsoleApi } from '../../store/store-context'

export function useAlertRules() {
  const api = useConsoleApi()
  const [rules, setRules] = useState<AlertRulesDocument | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    void api.invoke('alerts:rules').then((result) => {
      if (!live) return
      if (result.ok) setRules(result.value)
      else setLoadError(result.error.message)
    })
    return () => {
      live = false
    }
  }, [api])

  /** Saves; throws main's refusal (an `IpcFailure` whose message names the rule and field). */
  const save = useCallback(
    async (next: AlertRulesDocument) => {
      const saved = await unwrap(api.invoke('alerts:save-rules', next))
      setRules(saved)
      return saved
    },
    [api]
  )

  return { rules, loadError, save }
}
