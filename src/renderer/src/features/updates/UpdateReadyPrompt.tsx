/**
 * Asks before restarting: when an update has been downloaded, a dialog offers to restart now; "Later" leaves it to
 * install on the next quit. Asked once per version.
 */
import { App } from 'antd'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useConsoleApi } from '../../store/store-context'
import { useUpdateStatus } from './use-update-status'

export function UpdateReadyPrompt() {
  const { t } = useTranslation()
  const api = useConsoleApi()
  const { modal } = App.useApp()
  const [status] = useUpdateStatus()
  const asked = useRef<string | null>(null)
  const ready = status?.state.kind === 'ready' ? status.state.version : null

  useEffect(() => {
    if (!ready || asked.current === ready) return
    asked.current = ready
    modal.confirm({
      title: t('updates.readyTitle'),
      content: t('updates.readyBody', { version: ready }),
      okText: t('updates.restartNow'),
      cancelText: t('updates.later'),
      okButtonProps: { 'data-testid': 'update-restart' },
      onOk: () => void api.invoke('updates:restart')
    })
  }, [ready, modal, t, api])
  return null
}
