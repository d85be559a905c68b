/** Settings: server profiles, connection tuning, and general preferences (notifications, language, theme). */
import { PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Popconfirm, Space, Table, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useServerName } from '../connection/server-name'
import type { ServerProfile } from '../../../../shared/profiles'
import { ViewHeader } from '../../components/ViewHeader'
import { unwrap } from '../../ipc/unwrap-result'
import { useConsole, useConsoleApi, useConsoleStore } from '../../store/store-context'
import { ConnectionSettingsCard } from './ConnectionSettingsCard'
import { JobHealthSettingsCard } from '../job-health/JobHealthSettingsCard'
import { GeneralSettingsCard } from './GeneralSettingsCard'
import { newProfile, ProfileFormModal } from './ProfileFormModal'
import { UpdatesSettingsCard } from '../updates/UpdatesSettingsCard'
import { TimelineSettingsCard } from '../timeline/TimelineSettingsCard'
import { AlertRulesCard } from '../alerts/AlertRulesCard'
import { ReadOnlyTag } from '../connection/ReadOnlyTag'

export function SettingsView() {
  const { t } = useTranslation()
  const serverName = useServerName()
  const api = useConsoleApi()
  const store = useConsoleStore()
  const profiles = useConsole((state) => state.profiles)
  const secrets = useConsole((state) => state.appInfo?.secretsBackend)
  const [editing, setEditing] = useState<ServerProfile | null>(null)

  const remove = async (profileId: string) => {
    store.getState().setProfiles(await unwrap(api.invoke('profiles:remove', { profileId })))
    store.getState().clearServerData(profileId)
  }

  return (
    <>
      <ViewHeader title={t('nav.settings')} />
      {(secrets === 'basic_text' || secrets === 'none') && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(secrets === 'none' ? 'settings.secretsNone' : 'settings.secretsBasicText')}
          data-testid="secrets-warning"
        />
      )}
      <Card
        size="small"
        title={t('settings.profiles')}
        style={{ marginBottom: 16 }}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing(newProfile())}
            data-testid="profile-add"
          >
            {t('settings.addProfile')}
          </Button>
        }
      >
        <Table<ServerProfile>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={profiles}
          // At the minimum window the table scrolls sideways rather than wrap a name a letter per line.
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('settings.name'),
              dataIndex: 'name',
              width: 220,
              ellipsis: { showTitle: true },
              render: (_name, profile) => (
                <Space>
                  {serverName(profile)}
                  {profile.demo && <Tag color="blue">{t('servers.builtIn')}</Tag>}
                  {profile.readOnly && <ReadOnlyTag />}
                </Space>
              )
            },
            {
              title: t('settings.url'),
              dataIndex: 'url',
              width: 240,
              ellipsis: { showTitle: true },
              // The demo's address is chosen when it starts (loopback, a free port).
              render: (url: string, profile) => (profile.demo ? t('servers.demoUrl') : url)
            },
            { title: t('settings.username'), dataIndex: 'username', width: 120 },
            {
              title: t('settings.transport'),
              dataIndex: 'transport',
              width: 190,
              render: (transport: string) =>
                transport === 'auto' ? t('settings.transportAuto') : transport.toUpperCase()
            },
            {
              key: 'actions',
              width: 150,
              render: (_, profile) => (
                <Space>
                  <Button size="small" type="link" onClick={() => setEditing(profile)}>
                    {t('settings.edit')}
                  </Button>
                  <Popconfirm
                    title={t('settings.confirmRemove', { name: profile.name })}
                    okText={t('common.ok')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => remove(profile.id)}
                  >
                    <Button size="small" type="link" danger disabled={profile.demo}>
                      {t('settings.remove')}
                    </Button>
                  </Popconfirm>
                </Space>
              )
            }
          ]}
        />
      </Card>
      <ConnectionSettingsCard />
      <JobHealthSettingsCard />
      <TimelineSettingsCard />
      <AlertRulesCard />
      <GeneralSettingsCard />
      <UpdatesSettingsCard />
      <ProfileFormModal profile={editing} onClose={() => setEditing(null)} />
    </>
  )
}
