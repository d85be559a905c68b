/** The stand-in `Notification`: each `show()` is recorded; a test can click a shown notification by its index. */
import { EventEmitter } from 'node:events'
import type { RecordedNotification } from '../protocol'
import { describeImage } from './native-image'
import { PreventableEvent } from './preventable-event'
import { records } from './records'

interface NotificationOptions {
  title?: string
  subtitle?: string
  body?: string
  silent?: boolean
  icon?: unknown
  urgency?: string
  actions?: Array<{ type: string; text?: string }>
}

const shown: StandInNotification[] = []

export class StandInNotification extends EventEmitter {
  static isSupported(): boolean {
    return true
  }

  title: string
  body: string
  private record: RecordedNotification | null = null

  constructor(readonly options: NotificationOptions = {}) {
    super()
    this.title = options.title ?? ''
    this.body = options.body ?? ''
  }

  show(): void {
    this.record = {
      title: this.title,
      body: this.body,
      ...(this.options.subtitle === undefined ? {} : { subtitle: this.options.subtitle }),
      ...(this.options.silent === undefined ? {} : { silent: this.options.silent }),
      ...(this.options.urgency === undefined ? {} : { urgency: this.options.urgency }),
      ...(this.options.icon === undefined ? {} : { icon: describeImage(this.options.icon) }),
      ...(this.options.actions?.length
        ? { actions: this.options.actions.map((action) => action.text ?? '') }
        : {}),
      closed: false
    }
    records.notifications.push(this.record)
    shown.push(this)
    this.emit('show', new PreventableEvent())
  }

  close(): void {
    if (this.record) this.record.closed = true
    this.emit('close', new PreventableEvent())
  }
}

/** A person clicking the index-th shown notification. */
export function clickNotification(index: number): void {
  const notification = shown.at(index)
  if (!notification) throw new Error(`No notification #${index} was shown (${shown.length} shown)`)
  notification.emit('click', new PreventableEvent())
}

/**
 * A person pressing a button of the index-th shown notification, as Electron 45 reports it: the index on the
 * event's details, and (deprecated) as the second argument.
 */
export function clickNotificationAction(index: number, actionIndex: number): void {
  const notification = shown.at(index)
  if (!notification) throw new Error(`No notification #${index} was shown (${shown.length} shown)`)
  const actions = notification.options.actions ?? []
  if (!actions[actionIndex])
    throw new Error(`Notification #${index} has no button #${actionIndex} (${actions.length})`)
  const details = Object.assign(new PreventableEvent(), { actionIndex, selectionIndex: -1 })
  notification.emit('action', details, actionIndex, -1)
}
