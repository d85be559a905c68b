/**
 * The job-health budget setting: detail requests per second per server, open drawers and the background sweep
 * together (Dinky web asks every 3 s for the one job it shows; the console must not ask much more of Dinky).
 */
import { App, Card, InputNumber, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../ipc/unwrap-result'
import { useConsole } from '../../store/store-context'
import { useSaveSettings } from '../shell/TopBar'

export function JobHealthSettingsCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const connection = useConsole((state) => state.settings.connection)
  const save = useSaveSettings()
  const change = async (value: number | null) => {
    if (value === null) return
    try {
      await save({ connection: { ...connection, jobDetailBudgetPerSecond: value } })
      void message.success(t('settings.saved'))
    } catch (error) {
      void message.error(t('common.failed', { message: errorMessage(error) }))
    }
  }
  return (
    <Card size="small" title={t('jobHealth.settingsTitle')} style={{ marginBottom: 16 }}>
      <Space direction="vertical">
        <Space>
          <Typography.Text>{t('jobHealth.budget')}</Typography.Text>
          <InputNumber
            aria-label={t('jobHealth.budget')}
            min={0.1}
            max={20}
            step={0.5}
            value={connection.jobDetailBudgetPerSecond ?? 1}
            onChange={(value) => void change(value)}
            data-testid="job-health-budget"
          />
        </Space>
        <Typography.Text type="secondary">{t('jobHealth.budgetHelp')}</Typography.Text>
      </Space>
    </Card>
  )
}
