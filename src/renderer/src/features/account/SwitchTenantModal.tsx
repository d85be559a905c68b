/** Picks one of the user's tenants (`session:switch-tenant`); the server's data is then loaded for that tenant. */
import { App, Modal, Radio, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage, unwrap } from '../../ipc/unwrap-result'
import { selectProfileId, selectUser } from '../../store/selectors'
import {
  useConsole,
  useConsoleApi,
  useConsoleStore,
  useConsoleSync
} from '../../store/store-context'

export function SwitchTenantModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const api = useConsoleApi()
  const store = useConsoleStore()
  const sync = useConsoleSync()
  const { message } = App.useApp()
  const user = useConsole(selectUser)
  const profileId = useConsole(selectProfileId)
  const [choice, setChoice] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)
  const tenantId = choice ?? user?.tenantId ?? null

  const apply = async () => {
    if (tenantId === null) return
    setBusy(true)
    try {
      const next = await unwrap(api.invoke('session:switch-tenant', { profileId, tenantId }))
      store.getState().applyPush('session:user', [{ profileId, user: next }])
      sync.resync([profileId])
      void message.success(t('account.switched', { tenant: next.tenantCode ?? next.tenantId }))
      onClose()
    } catch (error) {
      void message.error(t('common.failed', { message: errorMessage(error) }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      open={open}
      title={t('account.switchTenantTitle')}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void apply()}
      onCancel={onClose}
    >
      <Radio.Group value={tenantId} onChange={(event) => setChoice(event.target.value as number)}>
        <Space orientation="vertical">
          {(user?.tenants ?? []).map((tenant) => (
            <Radio key={tenant.id} value={tenant.id}>
              {tenant.tenantCode}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
    </Modal>
  )
}
