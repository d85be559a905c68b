/**
 * What the operator can do with an open alert from the app (issue 22): acknowledge it, snooze it (15 min, 1 h,
 * until it resolves), or open its job, switching server first when the alert is another server's.
 */
import { App } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ActiveAlert, SnoozeUntil } from '../../../../shared/alerts'
import { errorMessage, unwrap } from '../../ipc/unwrap-result'
import { useConsoleApi, useConsoleStore, useConsoleSync } from '../../store/store-context'

export type SnoozeChoice = '15m' | '1h' | 'resolved'

const SNOOZE_MS: Record<Exclude<SnoozeChoice, 'resolved'>, number> = {
  '15m': 15 * 60_000,
  '1h': 60 * 60_000
}

/** Until when a choice snoozes, from `now`. */
export function snoozeUntil(choice: SnoozeChoice, now: number): SnoozeUntil {
  return choice === 'resolved' ? 'resolved' : now + SNOOZE_MS[choice]
}

export function useAlertActions() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const api = useConsoleApi()
  const store = useConsoleStore()
  const sync = useConsoleSync()

  const report = async (work: Promise<unknown>, done: string) => {
    try {
      await work
      void message.success(done)
    } catch (error) {
      void message.error(t('common.failed', { message: errorMessage(error) }))
    }
  }

  return {
    acknowledge: (alert: ActiveAlert) =>
      report(
        unwrap(api.invoke('alerts:acknowledge', { key: alert.key })),
        t('alerts.didAcknowledge')
      ),
    snooze: (alert: ActiveAlert, choice: SnoozeChoice) =>
      report(
        unwrap(
          api.invoke('alerts:snooze', { key: alert.key, until: snoozeUntil(choice, Date.now()) })
        ),
        t('alerts.didSnooze')
      ),
    openJob: async (alert: ActiveAlert) => {
      if (alert.jobId === null) return
      const state = store.getState()
      if (state.selectedProfileId !== alert.profileId) {
        const result = await api.invoke('profiles:select', { profileId: alert.profileId })
        if (!result.ok) return
        state.setProfiles(result.value)
        sync.resync([alert.profileId])
      }
      store.getState().setAlertsPanelOpen(false)
      store.getState().navigate('jobs', alert.jobId)
    }
  }
}
