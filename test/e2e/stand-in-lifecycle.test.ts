/** Restarting over the same userData, and the single-instance lock across two app processes. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { E2eApp } from './harness/e2e-app'
import { launchProbe, receivedInPage } from './probe-app'

// The stand-in's own behaviour: not meaningful under DINKY_E2E_REAL_ELECTRON=1.
describe.skipIf(process.env['DINKY_E2E_REAL_ELECTRON'] === '1')('stand-in lifecycle', () => {
  let userDataDir: string
  const launched: E2eApp[] = []

  beforeEach(async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'dinky-e2e-lifecycle-'))
  })
  afterEach(async () => {
    for (const app of launched.splice(0)) await app.close()
    await rm(userDataDir, { recursive: true, force: true })
  })

  it("keeps the renderer's storage when the app restarts over the same userData", async () => {
    const first = await launchProbe({ userDataDir })
    launched.push(first)
    await expect((await first.waitForTestId('visits')).textContent()).resolves.toBe('visits: 1')
    await first.close()

    const second = await launchProbe({ userDataDir })
    launched.push(second)
    await expect((await second.waitForTestId('visits')).textContent()).resolves.toBe('visits: 2')
  })

  it('hands a second instance its argv to the first one, and the second exits', async () => {
    const first = await launchProbe({ userDataDir })
    launched.push(first)
    const page = await first.firstWindow()
    await first.waitForTestId('title')

    const second = launchProbe({ userDataDir, args: ['--open', 'jobs'] })
    await expect(second).rejects.toThrow(/exited \(0\) before 'ready'/)
    await expect
      .poll(() => receivedInPage(page))
      .toContain('probe:second-instance {"argv":["--open","jobs"],"data":{"from":"probe"}}')
  })
})
