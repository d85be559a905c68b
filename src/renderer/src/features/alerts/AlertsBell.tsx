/**
 * The top bar's bell (issue 22): a badge with the number of firing alerts; a click opens the open-alerts drawer,
 * which the tray's "N firing alerts" item and a server alert's notification also open.
 */
import { BellOutlined } from '@ant-design/icons'
import { Badge, Button, Drawer, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNow } from '../../components/use-now'
import { selectFiringCount } from '../../store/alerts-slice'
import { useConsole } from '../../store/store-context'
import { OpenAlertsList } from './OpenAlertsList'

export function AlertsBell() {
  const { t } = useTranslation()
  const firing = useConsole(selectFiringCount)
  const open = useConsole((state) => state.alertsPanelOpen)
  const setOpen = useConsole((state) => state.setAlertsPanelOpen)

  return (
    <>
      <Tooltip title={firing > 0 ? t('alerts.bellCount', { count: firing }) : t('alerts.bell')}>
        <Badge count={firing} size="small" offset={[-4, 4]}>
          <Button
            type="text"
            icon={<BellOutlined />}
            onClick={() => setOpen(true)}
            aria-label={t('alerts.bell')}
            data-testid="alerts-bell"
            data-firing={firing}
          />
        </Badge>
      </Tooltip>
      <Drawer
        title={t('alerts.drawerTitle')}
        open={open}
        onClose={() => setOpen(false)}
        size={520}
        destroyOnHidden
        data-testid="alerts-drawer"
      >
        {open && <DrawerBody />}
      </Drawer>
    </>
  )
}

function DrawerBody() {
  const alerts = useConsole((state) => state.activeAlerts)
  const now = useNow(30_000)
  return <OpenAlertsList alerts={alerts} now={now} />
}
