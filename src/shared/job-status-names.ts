/**
 * Dinky's job statuses in the console's two languages: one table for the renderer's catalogues and the main
 * process's notifications, so a status reads the same in a row and in a desktop notification.
 */
import type { JobStatus } from './models'

export const JOB_STATUS_NAMES: Record<'en-US' | 'zh-CN', Record<JobStatus, string>> = {
  'en-US': {
    INITIALIZING: 'Initializing',
    CREATED: 'Created',
    RUNNING: 'Running',
    FAILING: 'Failing',
    FAILED: 'Failed',
    CANCELLING: 'Cancelling',
    CANCELED: 'Canceled',
    FINISHED: 'Finished',
    RESTARTING: 'Restarting',
    SUSPENDED: 'Suspended',
    RECONCILING: 'Reconciling',
    RECONNECTING: 'Reconnecting',
    UNKNOWN: 'Unknown'
  },
  'zh-CN': {
    INITIALIZING: '初始化',
    CREATED: '已创建',
    RUNNING: '运行中',
    FAILING: '失败中',
    FAILED: '已失败',
    CANCELLING: '停止中',
    CANCELED: '已停止',
    FINISHED: '已完成',
    RESTARTING: '重启中',
    SUSPENDED: '已挂起',
    RECONCILING: '调和中',
    RECONNECTING: '重连中',
    UNKNOWN: '未知'
  }
}
