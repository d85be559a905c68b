/** What the stand-in records for tests to assert on: notifications, tray, shell, dialogs, menus, errors. */
import type { AppRecords, DialogMethod } from '../protocol'

export const records: AppRecords = {
  notifications: [],
  tray: null,
  externalUrls: [],
  shellCalls: [],
  dialogs: [],
  applicationMenu: null,
  menuPopups: [],
  clearedStorage: [],
  mainErrors: []
}

const scriptedAnswers = new Map<DialogMethod, unknown[]>()

/** Queues the answer the next call of a dialog method gets (tests script dialogs ahead of the click). */
export function queueDialogAnswer(method: DialogMethod, answer: unknown): void {
  const queue = scriptedAnswers.get(method) ?? []
  queue.push(answer)
  scriptedAnswers.set(method, queue)
}

/** Takes the next scripted answer, or the fallback a person dismissing the dialog would give. */
export function takeDialogAnswer<T>(method: DialogMethod, fallback: T): T {
  const queue = scriptedAnswers.get(method)
  return queue && queue.length > 0 ? (queue.shift() as T) : fallback
}
