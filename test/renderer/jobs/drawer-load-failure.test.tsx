/**
 * A job drawer whose detail cannot be read (the server gone after a restart) says why in the UI's language; main's
 * English message ("/api/…: connection-reset: …") is only the small print, never the headline.
 */
import { cleanup, screen } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { JobDetailDrawer } from '../../../src/renderer/src/features/jobs/JobDetailDrawer'
import { FakeFailure } from '../fake-api'
import { demoStore, renderConsole } from '../render-console'
import { demoJobs } from '../preview/demo-world'

const MAIN_MESSAGE = '/api/jobInstance/getJobInfoDetail: connection-reset: bad port'

afterEach(cleanup)
beforeAll(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600)
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800)
})
afterAll(() => vi.restoreAllMocks())

function renderFailing(language: 'en-US' | 'zh-CN', code: string) {
  const store = demoStore()
  store.getState().openJob(demoJobs()[0].id)
  renderConsole(<JobDetailDrawer />, {
    store,
    language,
    handlers: {
      'jobs:detail': () => {
        throw new FakeFailure({ code, message: MAIN_MESSAGE })
      },
      'logs:follow': () => []
    }
  })
}

describe('JobDetailDrawer load failure', { timeout: 20_000 }, () => {
  it('names a connection failure in Chinese, with main message as secondary detail', async () => {
    renderFailing('zh-CN', 'connection-reset')
    const alert = await screen.findByTestId('failure-alert')
    const title = alert.querySelector('.ant-alert-title, .ant-alert-message')?.textContent ?? ''
    expect(title).toBe('无法加载详情：连接被重置')
    expect(title).not.toContain('/api/')
    expect(screen.getByTestId('failure-detail').textContent).toBe(MAIN_MESSAGE)
  })

  it('says an unknown failure kind as a generic sentence, in English', async () => {
    renderFailing('en-US', 'something-new')
    const alert = await screen.findByTestId('failure-alert')
    expect(alert.textContent).toContain('Could not load the details: the request failed')
    expect(screen.getByTestId('failure-detail').textContent).toBe(MAIN_MESSAGE)
  })
})
