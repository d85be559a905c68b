/** General preferences, saved as soon as they change: notifications, language, theme, log lines kept. */
import { Card, Form, InputNumber, Segmented, Select, Switch } from 'antd'
import { useTranslation } from 'react-i18next'
import type { LanguageChoice, ThemeChoice } from '../../../../shared/profiles'
import { useConsole } from '../../store/store-context'
import { useSaveSettings } from '../shell/TopBar'

export function GeneralSettingsCard() {
  const { t } = useTranslation()
  const settings = useConsole((state) => state.settings)
  const save = useSaveSettings()

  return (
    <Card size="small" title={t('settings.general')}>
      <Form layout="horizontal" labelCol={{ flex: '260px' }} labelAlign="left" colon={false}>
        {/* No form fields (each saves on change): htmlFor ties each label to its control. */}
        <Form.Item label={t('settings.notifications')} htmlFor="settings-notifications">
          <Switch
            id="settings-notifications"
            checked={settings.notifications}
            onChange={(notifications) => void save({ notifications })}
            data-testid="settings-notifications"
          />
        </Form.Item>
        <Form.Item label={t('settings.language')} htmlFor="settings-language">
          <Select<LanguageChoice>
            id="settings-language"
            value={settings.language}
            onChange={(language) => void save({ language })}
            style={{ width: 200 }}
            data-testid="settings-language"
            options={[
              { value: 'system', label: t('settings.followSystem') },
              { value: 'zh-CN', label: t('settings.chinese') },
              { value: 'en-US', label: t('settings.english') }
            ]}
          />
        </Form.Item>
        <Form.Item label={t('settings.theme')}>
          <Segmented<ThemeChoice>
            value={settings.theme}
            onChange={(theme) => void save({ theme })}
            data-testid="settings-theme"
            options={[
              { value: 'system', label: t('settings.followSystem') },
              { value: 'light', label: t('settings.light') },
              { value: 'dark', label: t('settings.dark') }
            ]}
          />
        </Form.Item>
        <Form.Item label={t('settings.logTail')} htmlFor="settings-log-tail">
          <InputNumber
            id="settings-log-tail"
            min={100}
            max={100_000}
            step={1000}
            value={settings.logTailLines}
            onChange={(value) => value !== null && void save({ logTailLines: value })}
          />
        </Form.Item>
      </Form>
    </Card>
  )
}
