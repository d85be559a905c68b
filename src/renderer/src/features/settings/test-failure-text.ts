/**
 * What Test connection says when it fails. Main's message is English; for an address that is not Dinky (issue 12)
 * main also hands the figures (URL tried, status, content type), so the title, what was seen and the fix are all
 * said in the UI's language. Any other failure keeps main's message.
 */
import type { TFunction } from 'i18next'
import { errorMessage, IpcFailure } from '../../ipc/unwrap-result'

const VERSION_PATH = /\/api\/version$/

/** The concrete fix for an address that is not Dinky, from the probe's URL: drop `/api`, or use Dinky's own address. */
export function notDinkyFix(t: TFunction, probeUrl: string): string {
  // The server URL tried is the probe's URL without `/api/version`; its `/api` suffix is the usual mistake.
  const tried = probeUrl.replace(VERSION_PATH, '')
  const root = tried.replace(/\/api$/i, '')
  return root !== tried
    ? t('settings.testNotDinky.useRoot', { root })
    : t('settings.testNotDinky.useOwnAddress')
}

export function testFailureText(t: TFunction, error: unknown): string {
  const evidence = error instanceof IpcFailure && error.code === 'not-dinky' ? error.evidence : null
  if (!evidence?.url) return t('settings.testFailed', { message: errorMessage(error) })
  const { url, status, contentType = '' } = evidence
  const seen =
    status === undefined
      ? t('settings.testNotDinky.answeredBody', { url, contentType })
      : t('settings.testNotDinky.answered', { url, status, contentType })
  const fix = notDinkyFix(t, url)
  const text = t('settings.testNotDinky.text', { title: t('proxy.titles.not-dinky'), seen, fix })
  // No content type leaves a double space.
  return text.replace(/ {2,}/g, ' ')
}
