/**
 * The words of alert notifications (issue 22) in the console's two languages: what each rule kind is called, how a
 * repeat and a recovery are marked, and the labels of the notification's buttons. The renderer has its own, fuller
 * catalogue; these follow the same language setting.
 */
import type { AlertRuleKind } from '../../shared/alerts'
import type { LanguageChoice } from '../../shared/profiles'

export interface AlertNoticeStrings {
  kind: Record<AlertRuleKind, string>
  /** A long episode announced again. */
  still: (title: string) => string
  /** The episode ended. */
  resolved: (title: string) => string
  snoozeHour: string
  acknowledge: string
}

const EN: AlertNoticeStrings = {
  kind: {
    'job-status': 'job status alert',
    restarts: 'restarting repeatedly',
    'checkpoint-failures': 'checkpoints failing',
    'no-checkpoint': 'no checkpoint completed',
    backpressure: 'backpressure HIGH',
    metric: 'metric past its limit',
    'server-stale': 'server not reachable'
  },
  still: (title) => `${title} (still)`,
  resolved: (title) => `Recovered: ${title}`,
  snoozeHour: 'Snooze 1 h',
  acknowledge: 'Acknowledge'
}

const ZH: AlertNoticeStrings = {
  kind: {
    'job-status': '作业状态告警',
    restarts: '反复重启',
    'checkpoint-failures': 'Checkpoint 失败',
    'no-checkpoint': '长时间没有完成的 Checkpoint',
    backpressure: '反压 HIGH',
    metric: '指标越限',
    'server-stale': '服务器不可达'
  },
  still: (title) => `${title}（仍在持续）`,
  resolved: (title) => `已恢复：${title}`,
  snoozeHour: '暂停提醒 1 小时',
  acknowledge: '确认'
}

/** `system` follows the OS locale (any Chinese locale gets Chinese), as the tray's strings do. */
export function alertNoticeStrings(choice: LanguageChoice, osLocale: string): AlertNoticeStrings {
  const language = choice === 'system' ? osLocale : choice
  return language.toLowerCase().startsWith('zh') ? ZH : EN
}
