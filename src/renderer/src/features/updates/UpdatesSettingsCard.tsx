/** Settings → Updates: the version, what the updater is doing, the daily check (opt-out) and "Check for updates". */
import { SyncOutlined } from '@ant-design/icons'
import { App, Button, Card, Space, Switch, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { errorMessage, unwrap } from '../../ipc/unwrap-result'
import { useConsoleApi } from '../../store/store-context'
import { useNow } from '../../components/use-now'
import { updateStateText } from './update-text'
import { useUpdateStatus } from './use-update-status'

export function UpdatesSettingsCard() {
  const { t, i18n } = useTranslation()
  const api = useConsoleApi()
  const { message } = App.useApp()
  const [status, setStatus] = useUpdateStatus()
  const now = useNow(30_000)
  if (!status) return null
  const unavailable = status.state.kind === 'unavailable'
  const busy = status.state.kind === 'checking' || status.state.kind === 'downloading'

  const run = async (request: () => ReturnType<typeof api.invoke<'updates:check'>>) => {
    try {
      setStatus(await unwrap(request()))
    } catch (error) {
      void message.error(t('common.failed', { message: errorMessage(error) }))
    }
  }

  return (
    <Card
      size="small"
      title={t('updates.title')}
      style={{ marginTop: 16 }}
      data-testid="updates-card"
    >
      <Space orientation="vertical" size={8}>
        <Typography.Text>
          {t('updates.version', { version: status.currentVersion })}
        </Typography.Text>
        <Typography.Text type="secondary" data-testid="updates-state">
          {updateStateText(t, status, now, i18n.language)}
        </Typography.Text>
        <Space>
          <Switch
            aria-label={t('updates.autoCheck')}
            checked={status.autoCheck}
            disabled={unavailable}
            onChange={(enabled) =>
              void run(() => api.invoke('updates:set-auto-check', { enabled }))
            }
            data-testid="updates-auto-check"
          />
          <span>{t('updates.autoCheck')}</span>
        </Space>
        <Button
          icon={<SyncOutlined spin={busy} />}
          disabled={unavailable || busy}
          onClick={() => void run(() => api.invoke('updates:check'))}
          data-testid="updates-check"
        >
          {t('updates.checkNow')}
        </Button>
      </Space>
    </Card>
  )
}
