/**
 * "Clear local cache" / "清除本地缓存": shows what is cached per server (`cache:info`), and on confirmation clears it
 * (`cache:clear`), forgets the data in memory and loads every server afresh.
 */
import { Alert, App, Modal, Table, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useServerName } from '../connection/server-name'
import type { CacheInfo } from '../../../../shared/ipc/contract'
import { formatBytes } from '../../format/units'
import { errorMessage, unwrap } from '../../ipc/unwrap-result'
import {
  useConsole,
  useConsoleApi,
  useConsoleStore,
  useConsoleSync
} from '../../store/store-context'

export function ClearCacheModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const serverName = useServerName()
  const api = useConsoleApi()
  const store = useConsoleStore()
  const sync = useConsoleSync()
  const { message } = App.useApp()
  const profiles = useConsole((state) => state.profiles)
  const [info, setInfo] = useState<CacheInfo[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!open) return
    let current = true
    unwrap(api.invoke('cache:info')).then(
      (value) => current && setInfo(value),
      (failure) => current && setError(errorMessage(failure))
    )
    return () => {
      current = false
    }
  }, [open, api])

  const clear = async () => {
    setBusy(true)
    try {
      const { bytesFreed } = await unwrap(api.invoke('cache:clear', { profileId: null }))
      store.getState().clearServerData(null)
      sync.resync(store.getState().profiles.map((profile) => profile.id))
      void message.success(t('clearCache.done', { size: formatBytes(bytesFreed) }))
      close()
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }

  const close = () => {
    setInfo(null)
    setError(null)
    onClose()
  }

  const nameOf = (profileId: string) =>
    serverName(profiles.find((profile) => profile.id === profileId)) || profileId
  const total = (info ?? []).reduce((sum, entry) => sum + entry.bytes, 0)

  return (
    <Modal
      open={open}
      title={t('clearCache.title')}
      okText={t('clearCache.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, 'data-testid': 'clear-cache-confirm', disabled: !info }}
      confirmLoading={busy}
      onOk={() => void clear()}
      onCancel={close}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('clearCache.body')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={t('common.failed', { message: error })} />}
      <Table<CacheInfo>
        size="small"
        loading={!info && !error}
        rowKey="profileId"
        pagination={false}
        data-testid="cache-sizes"
        dataSource={info ?? []}
        locale={{ emptyText: t('clearCache.empty') }}
        columns={[
          { title: t('clearCache.server'), dataIndex: 'profileId', render: nameOf },
          {
            title: t('clearCache.size'),
            dataIndex: 'bytes',
            align: 'right',
            render: (bytes: number) => formatBytes(bytes)
          }
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t('clearCache.total')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {/* Not read yet is not empty: "0 B" under the spinner would be a claim. */}
              <strong data-testid="cache-total">
                {info ? formatBytes(total) : t('common.none')}
              </strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Modal>
  )
}
