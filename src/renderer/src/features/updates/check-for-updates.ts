/** "Check for updates" from the avatar menu: asks main to check and says the outcome in a message. */
import type { MessageInstance } from 'antd/es/message/interface'
import type { TFunction } from 'i18next'
import type { ConsoleApi } from '../../ipc/console-api'
import { errorMessage, unwrap } from '../../ipc/unwrap-result'
import { updateStateText } from './update-text'

export async function checkForUpdates(
  api: ConsoleApi,
  message: MessageInstance,
  t: TFunction,
  language: string
): Promise<void> {
  try {
    const status = await unwrap(api.invoke('updates:check'))
    const text = updateStateText(t, status, Date.now(), language)
    if (status.state.kind === 'error') void message.error(text)
    else if (status.state.kind === 'unavailable') void message.info(text)
    else void message.success(text)
  } catch (error) {
    void message.error(t('common.failed', { message: errorMessage(error) }))
  }
}
