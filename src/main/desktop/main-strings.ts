/**
 * The few strings the main process shows itself (tray menu, tooltips), in the console's two languages. The renderer
 * has the full catalogues; these follow the same language setting.
 */
import type { ConnectionKind } from '../../shared/connection'
import { JOB_STATUS_NAMES } from '../../shared/job-status-names'
import type { JobStatus } from '../../shared/models'
import type { LanguageChoice } from '../../shared/profiles'

export interface MainStrings {
  show: string
  retryAll: string
  quit: string
  /** The tray's count of firing alerts (issue 22): a tooltip line and the menu item that opens the list. */
  firingAlerts: (count: number) => string
  state: Record<ConnectionKind, string>
  jobStatus: Record<JobStatus, string>
}

const EN: MainStrings = {
  show: 'Show Dinky Console',
  retryAll: 'Retry all now',
  quit: 'Quit',
  firingAlerts: (count) => `${count} firing alert${count === 1 ? '' : 's'}`,
  state: {
    live: 'Live',
    connecting: 'Connecting',
    reconnecting: 'Reconnecting',
    offline: 'Offline',
    'auth-expired': 'Login expired',
    stopped: 'Stopped',
    degraded: 'Live by polling'
  },
  jobStatus: JOB_STATUS_NAMES['en-US']
}

const ZH: MainStrings = {
  show: '显示 Dinky Console',
  retryAll: '全部立即重连',
  quit: '退出',
  firingAlerts: (count) => `${count} 条告警正在触发`,
  state: {
    live: '在线',
    connecting: '连接中',
    reconnecting: '重连中',
    offline: '离线',
    'auth-expired': '登录已过期',
    stopped: '已停止',
    degraded: '轮询在线'
  },
  jobStatus: JOB_STATUS_NAMES['zh-CN']
}

/** The strings for a language setting; `system` follows the OS locale (any Chinese locale gets Chinese). */
export function mainStrings(choice: LanguageChoice, osLocale: string): MainStrings {
  const language = choice === 'system' ? osLocale : choice
  return language.toLowerCase().startsWith('zh') ? ZH : EN
}
