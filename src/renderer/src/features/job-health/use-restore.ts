/**
 * Restart a job from a checkpoint or savepoint path (`restartTask?savePointPath=`), reporting the outcome; `gate`
 * says whether the buttons may offer it (live, not a read-only server) and why not.
 */
import { App } from 'antd'
import { useTranslation } from 'react-i18next'
import { errorMessage, unwrap } from '../../ipc/unwrap-result'
import { selectProfileId } from '../../store/selectors'
import { useConsole, useConsoleApi, useConsoleSync } from '../../store/store-context'
import { useActionGate } from '../connection/use-action-gate'

export function useRestore(taskId: number | null) {
  const { t } = useTranslation()
  const api = useConsoleApi()
  const sync = useConsoleSync()
  const { message } = App.useApp()
  const gate = useActionGate()
  const profileId = useConsole(selectProfileId)
  const restore = async (savepointPath: string) => {
    if (taskId === null) return
    try {
      const action = { kind: 'restart' as const, taskId, savepointPath }
      const result = await unwrap(api.invoke('jobs:action', { profileId, action }))
      void message.success(t('jobHealth.restartRequested', { message: result.message }))
      sync.resync([profileId])
    } catch (error) {
      void message.error(t('jobDetail.actionFailed', { message: errorMessage(error) }))
    }
  }
  return { gate, restore }
}
