/** The top bar: product mark, server switcher and connection badge on the left; language, theme and avatar right. */
import { BulbOutlined, GlobalOutlined } from '@ant-design/icons'
import { Button, Dropdown, Flex, Layout, Space, Tooltip, Typography, theme } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AppSettings, LanguageChoice, ThemeChoice } from '../../../../shared/profiles'
import iconUrl from '../../assets/icon.svg'
import { unwrap } from '../../ipc/unwrap-result'
import { useConsole, useConsoleApi, useConsoleStore } from '../../store/store-context'
import { AvatarMenu } from '../account/AvatarMenu'
import { AlertsBell } from '../alerts/AlertsBell'
import { ConnectionBadge } from '../connection/ConnectionBadge'
import { ServerSwitcher } from '../connection/ServerSwitcher'

/** Saves a settings change in main and applies main's answer (so main stays the source of truth). */
export function useSaveSettings(): (change: Partial<AppSettings>) => Promise<void> {
  const api = useConsoleApi()
  const store = useConsoleStore()
  return async (change) => {
    store.getState().setSettings({ ...store.getState().settings, ...change })
    store.getState().setSettings(await unwrap(api.invoke('settings:set', change)))
  }
}

export function TopBar() {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const settings = useConsole((state) => state.settings)
  const save = useSaveSettings()

  const languages: Array<{ key: LanguageChoice; label: string }> = [
    { key: 'system', label: t('settings.followSystem') },
    { key: 'zh-CN', label: t('settings.chinese') },
    { key: 'en-US', label: t('settings.english') }
  ]
  const themes: Array<{ key: ThemeChoice; label: string }> = [
    { key: 'system', label: t('settings.followSystem') },
    { key: 'light', label: t('settings.light') },
    { key: 'dark', label: t('settings.dark') }
  ]

  return (
    <Layout.Header
      style={{
        height: 56,
        lineHeight: '56px',
        padding: '0 16px',
        background: token.colorBgContainer,
        borderBottom: `1px solid ${token.colorBorderSecondary}`
      }}
    >
      <Flex align="center" justify="space-between" gap={16} style={{ height: '100%' }}>
        <Space size="middle">
          <img src={iconUrl} width={28} height={28} alt="" style={{ verticalAlign: 'middle' }} />
          {/* The window's one h1 (drawn at h5's size): each view's title is an h2 under it. */}
          <Typography.Title
            level={1}
            style={{ margin: 0, whiteSpace: 'nowrap', fontSize: token.fontSizeHeading5 }}
          >
            {t('app.title')}
          </Typography.Title>
          <ServerSwitcher />
          <ConnectionBadge />
        </Space>
        <Space size="small">
          <AlertsBell />
          <Dropdown
            trigger={['click']}
            menu={{
              items: languages,
              selectable: true,
              selectedKeys: [settings.language],
              onClick: ({ key }) => void save({ language: key as LanguageChoice })
            }}
          >
            <Tooltip title={t('settings.language')}>
              <Button
                type="text"
                icon={<GlobalOutlined />}
                aria-label={t('settings.language')}
                data-testid="language-menu"
              />
            </Tooltip>
          </Dropdown>
          <Dropdown
            trigger={['click']}
            menu={{
              items: themes,
              selectable: true,
              selectedKeys: [settings.theme],
              onClick: ({ key }) => void save({ theme: key as ThemeChoice })
            }}
          >
            <Tooltip title={t('settings.theme')}>
              <Button
                type="text"
                icon={<BulbOutlined />}
                aria-label={t('settings.theme')}
                data-testid="theme-menu"
              />
            </Tooltip>
          </Dropdown>
          <AvatarMenu />
        </Space>
      </Flex>
    </Layout.Header>
  )
}
