/** "Open logs folder" (issue 14): the folder of the app's own log files, to look at or attach to a report. */
import { FolderOpenOutlined } from '@ant-design/icons'
import { App, Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { errorMessage, unwrap } from '../../ipc/unwrap-result'
import { useConsoleApi } from '../../store/store-context'

export function OpenLogsFolderButton() {
  const { t } = useTranslation()
  const api = useConsoleApi()
  const { message } = App.useApp()
  const open = async () => {
    try {
      const { path } = await unwrap(api.invoke('app:open-logs-folder'))
      void message.success(t('logFiles.opened', { path }))
    } catch (error) {
      void message.error(t('common.failed', { message: errorMessage(error) }))
    }
  }
  return (
    <Button
      icon={<FolderOpenOutlined />}
      onClick={() => void open()}
      data-testid="open-logs-folder"
    >
      {t('logFiles.openFolder')}
    </Button>
  )
}
