/**
 * The stand-in `dialog`: answers come from what the test scripted (`answerDialog`), else what a person dismissing
 * the dialog would give (canceled, or the cancel button). Every call is recorded with its options and answer.
 */
import type { DialogMethod } from '../protocol'
import { records, takeDialogAnswer } from './records'

type Options = Record<string, unknown>

/** Electron's dialogs take an optional parent window first. */
function optionsOf(windowOrOptions: unknown, maybeOptions: unknown): Options {
  const options = (maybeOptions ?? windowOrOptions ?? {}) as Options
  return JSON.parse(JSON.stringify(options)) as Options
}

function answer<T>(method: DialogMethod, options: Options, fallback: T): T {
  const value = takeDialogAnswer(method, fallback)
  records.dialogs.push({ method, options, answer: value })
  return value
}

const cancelButton = (options: Options) =>
  typeof options['cancelId'] === 'number' ? options['cancelId'] : 0

export const dialog = {
  async showSaveDialog(windowOrOptions: unknown, maybeOptions?: unknown) {
    const options = optionsOf(windowOrOptions, maybeOptions)
    return answer('showSaveDialog', options, { canceled: true, filePath: '' })
  },
  async showOpenDialog(windowOrOptions: unknown, maybeOptions?: unknown) {
    const options = optionsOf(windowOrOptions, maybeOptions)
    return answer('showOpenDialog', options, { canceled: true, filePaths: [] as string[] })
  },
  async showMessageBox(windowOrOptions: unknown, maybeOptions?: unknown) {
    const options = optionsOf(windowOrOptions, maybeOptions)
    return answer('showMessageBox', options, {
      response: cancelButton(options),
      checkboxChecked: false
    })
  },
  showSaveDialogSync(windowOrOptions: unknown, maybeOptions?: unknown): string | undefined {
    return answer('showSaveDialogSync', optionsOf(windowOrOptions, maybeOptions), undefined)
  },
  showOpenDialogSync(windowOrOptions: unknown, maybeOptions?: unknown): string[] | undefined {
    return answer('showOpenDialogSync', optionsOf(windowOrOptions, maybeOptions), undefined)
  },
  showMessageBoxSync(windowOrOptions: unknown, maybeOptions?: unknown): number {
    const options = optionsOf(windowOrOptions, maybeOptions)
    return answer('showMessageBoxSync', options, cancelButton(options))
  },
  showErrorBox(title: string, content: string): void {
    answer('showErrorBox', { title, content }, undefined)
  }
}
