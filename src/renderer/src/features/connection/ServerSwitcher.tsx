/**
 * The server switcher in the top bar: selects a profile in main (`profiles:select`) and loads its snapshot. A
 * read-only server (issue 23) carries its tag beside its name, in the list and in the top bar once selected.
 */
import { CloudServerOutlined } from '@ant-design/icons'
import { App, Select, Space } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useServerName } from './server-name'
import { ReadOnlyTag } from './ReadOnlyTag'
import { errorMessage, unwrap } from '../../ipc/unwrap-result'
import {
  useConsole,
  useConsoleApi,
  useConsoleStore,
  useConsoleSync
} from '../../store/store-context'

export function ServerSwitcher() {
  const { t } = useTranslation()
  const serverName = useServerName()
  const api = useConsoleApi()
  const sync = useConsoleSync()
  const store = useConsoleStore()
  const { message } = App.useApp()
  const selectedId = useConsole((state) => state.selectedProfileId)
  const profiles = useConsole((state) => state.profiles)
  const options = useMemo(
    () =>
      profiles.map((profile) => ({
        value: profile.id,
        label: profile.readOnly ? (
          <Space size={4}>
            {serverName(profile)}
            <ReadOnlyTag />
          </Space>
        ) : (
          serverName(profile)
        )
      })),
    [profiles, serverName]
  )

  const select = async (profileId: string) => {
    try {
      store.getState().setProfiles(await unwrap(api.invoke('profiles:select', { profileId })))
      sync.resync([profileId])
    } catch (error) {
      void message.error(t('common.failed', { message: errorMessage(error) }))
    }
  }

  return (
    <Select
      data-testid="server-switcher"
      aria-label={t('servers.label')}
      prefix={<CloudServerOutlined />}
      value={selectedId ?? undefined}
      placeholder={t('servers.none')}
      options={options}
      onChange={(value: string) => void select(value)}
      style={{ minWidth: 200 }}
      variant="filled"
    />
  )
}
