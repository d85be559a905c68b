/**
 * The avatar menu, as in Dinky's web UI: who is logged in and to which tenant, switch tenant, clear the local
 * cache, settings, diagnostics and log out.
 */
import {
  ClearOutlined,
  DashboardOutlined,
  CloudDownloadOutlined,
  LogoutOutlined,
  SettingOutlined,
  SwapOutlined,
  UserOutlined
} from '@ant-design/icons'
import { App, Avatar, Dropdown, Space, Typography, type MenuProps } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage, unwrap } from '../../ipc/unwrap-result'
import { selectProfileId, selectUser } from '../../store/selectors'
import { useConsole, useConsoleApi, useConsoleStore } from '../../store/store-context'
import { ClearCacheModal } from './ClearCacheModal'
import { SwitchTenantModal } from './SwitchTenantModal'
import { checkForUpdates } from '../updates/check-for-updates'

export function AvatarMenu() {
  const { t, i18n } = useTranslation()
  const api = useConsoleApi()
  const store = useConsoleStore()
  const { message } = App.useApp()
  const user = useConsole(selectUser)
  const profileId = useConsole(selectProfileId)
  const navigate = useConsole((state) => state.navigate)
  const [clearOpen, setClearOpen] = useState(false)
  const [tenantOpen, setTenantOpen] = useState(false)

  const logout = async () => {
    try {
      await unwrap(api.invoke('session:logout', { profileId }))
      store.getState().applyPush('session:user', [{ profileId, user: null }])
      void message.success(t('account.loggedOut'))
    } catch (error) {
      void message.error(t('common.failed', { message: errorMessage(error) }))
    }
  }

  const tenant = user?.tenantCode ?? (user ? String(user.tenantId) : '')
  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>
            {user ? (user.nickname ?? user.username) : t('account.notLoggedIn')}
          </Typography.Text>
          {user && (
            <Typography.Text type="secondary">{t('account.tenant', { tenant })}</Typography.Text>
          )}
        </Space>
      )
    },
    { type: 'divider' },
    {
      key: 'tenant',
      icon: <SwapOutlined />,
      disabled: !user || user.tenants.length < 2,
      label: <span data-testid="menu-switch-tenant">{t('account.switchTenant')}</span>
    },
    {
      key: 'clear-cache',
      icon: <ClearOutlined />,
      label: <span data-testid="menu-clear-cache">{t('account.clearCache')}</span>
    },
    {
      key: 'settings',
      icon: <SettingOutlined />,
      label: <span data-testid="menu-settings">{t('account.settings')}</span>
    },
    {
      key: 'diagnostics',
      icon: <DashboardOutlined />,
      label: <span data-testid="menu-diagnostics">{t('account.diagnostics')}</span>
    },
    {
      key: 'check-updates',
      icon: <CloudDownloadOutlined />,
      label: <span data-testid="menu-check-updates">{t('updates.checkNow')}</span>
    },
    { type: 'divider' },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      disabled: !user,
      label: <span data-testid="menu-logout">{t('account.logout')}</span>
    }
  ]

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'tenant') setTenantOpen(true)
    else if (key === 'clear-cache') setClearOpen(true)
    else if (key === 'settings') navigate('settings')
    else if (key === 'diagnostics') navigate('diagnostics')
    else if (key === 'check-updates') void checkForUpdates(api, message, t, i18n.language)
    else if (key === 'logout') void logout()
  }

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Space data-testid="avatar-menu" style={{ cursor: 'pointer' }}>
          <Avatar size="small" icon={<UserOutlined />} />
          <span>{user ? (user.nickname ?? user.username) : t('account.notLoggedIn')}</span>
        </Space>
      </Dropdown>
      <ClearCacheModal open={clearOpen} onClose={() => setClearOpen(false)} />
      <SwitchTenantModal open={tenantOpen} onClose={() => setTenantOpen(false)} />
    </>
  )
}
