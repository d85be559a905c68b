/** Export of a job's (or a server's) timeline through main's save dialog, with the outcome as a toast. */
import { App } from 'antd'
import { useTranslation } from 'react-i18next'
import { errorMessage, unwrap } from '../../ipc/unwrap-result'
import { useConsoleApi } from '../../store/store-context'

export function useTimelineExport(profileId: string, jobId: number | null) {
  const { t } = useTranslation()
  const api = useConsoleApi()
  const { message } = App.useApp()
  return async (format: 'csv' | 'json') => {
    try {
      const { path } = await unwrap(api.invoke('timeline:export', { profileId, jobId, format }))
      if (path) void message.success(t('timeline.exported', { path }))
    } catch (error) {
      void message.error(t('timeline.exportFailed', { message: errorMessage(error) }))
    }
  }
}
