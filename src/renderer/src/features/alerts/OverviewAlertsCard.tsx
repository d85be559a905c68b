/** The Overview's open alerts (issue 22): the first few, with the same actions as the drawer; absent when none. */
import { Button, Card } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNow } from '../../components/use-now'
import { useConsole } from '../../store/store-context'
import { OpenAlertsList } from './OpenAlertsList'

const SHOWN = 3

export function OverviewAlertsCard() {
  const { t } = useTranslation()
  const alerts = useConsole((state) => state.activeAlerts)
  const setOpen = useConsole((state) => state.setAlertsPanelOpen)
  const now = useNow(30_000)
  if (alerts.length === 0) return null
  return (
    <Card
      size="small"
      title={t('alerts.overviewTitle')}
      style={{ marginBottom: 16 }}
      data-testid="overview-alerts"
      extra={
        alerts.length > SHOWN && (
          <Button type="link" size="small" onClick={() => setOpen(true)}>
            {t('alerts.more', { count: alerts.length - SHOWN })}
          </Button>
        )
      }
    >
      <OpenAlertsList alerts={alerts.slice(0, SHOWN)} now={now} compact />
    </Card>
  )
}
