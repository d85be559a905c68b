/**
 * What Dinky stores about jobs beside Flink's figures: savepoints (`dinky_savepoints`, `Savepoints`) and alert
 * history (`dinky_alert_history`, `AlertHistory`), in epoch ms. Bounded: the newest 500 alerts are kept.
 */

import type { JobInstanceRecord } from './entities'

export interface SavepointRecord {
  id: number
  taskId: number
  name: string
  type: string
  path: string
  createTime: number
}

export interface AlertRecord {
  id: number
  jobInstanceId: number
  title: string
  content: string
  status: number
  log: string
  createTime: number
}

export class JobRecords {
  private readonly savepoints: SavepointRecord[] = []
  private readonly alerts: AlertRecord[] = []
  private alertSeq = 0

  recordSavepoint(taskId: number, path: string, type: string, at: number): SavepointRecord {
    const record: SavepointRecord = {
      id: this.savepoints.length + 1,
      taskId,
      name: `${type.toLowerCase()}-${this.savepoints.length + 1}`,
      type,
      path,
      createTime: at
    }
    this.savepoints.push(record)
    return record
  }

  savepointsOf(taskId: number): SavepointRecord[] {
    return this.savepoints.filter((s) => s.taskId === taskId)
  }

  alertsOf(instance: JobInstanceRecord): AlertRecord[] {
    if (instance.status === 'FAILED' && !this.alerts.some((a) => a.jobInstanceId === instance.id)) {
      this.addAlert(instance.id, `Job failed: ${instance.name}`, instance.updateTime, 'FAILED')
    }
    return this.alerts.filter((a) => a.jobInstanceId === instance.id)
  }

  addAlert(jobInstanceId: number, title: string, at: number, reason: string): void {
    this.alertSeq += 1
    // A guess at Dinky's default markdown template (it mixes markdown with <font> tags).
    const content =
      `- **Job Name :** <font color='gray'>${title.split(': ')[1] ?? ''}</font>\n` +
      `- **Reason :** <font color='red'>${reason}</font>\n` +
      `- **Job Instance :** ${jobInstanceId}\n\n` +
      `[Go toTask Web](http://dinky.example/#/devops/job-detail?id=${jobInstanceId})`
    this.alerts.push({
      id: this.alertSeq,
      jobInstanceId,
      title,
      content,
      status: 1,
      log: 'Send Successfully',
      createTime: at
    })
    if (this.alerts.length > 500) this.alerts.shift()
  }
}
