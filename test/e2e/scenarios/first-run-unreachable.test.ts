/**
 * A first run against a server that does not answer (nothing listens on the port) in both languages: nothing was
 * ever read, so the badge names the failure without claiming cached data and the Overview's empty cards say there
 * is no data yet rather than "No clusters registered" / "No failed jobs".
 * Files: test-output/e2e/first-run-unreachable-{en-US,zh-CN}.png.
 */
import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { E2eApp } from '../harness/e2e-app'
import { waitForBadge } from '../harness/console-page'
import {
  launchOnServer,
  makeUserDataDir,
  removeUserDataDir,
  writeScenarioSettings
} from '../harness/scenario-server'

const TEXT = {
  'en-US': {
    badge: 'No data yet: connection refused',
    empty: 'No data yet',
    claims: 'No clusters'
  },
  'zh-CN': { badge: '暂无数据：连接被拒绝', empty: '暂无数据', claims: '没有注册的集群' }
} as const

/** A loopback port nothing listens on: bound, then closed. */
async function deadPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe.each(['en-US', 'zh-CN'] as const)(
  'first run on an unreachable server (%s)',
  (language) => {
    let userDataDir: string | undefined
    let app: E2eApp | undefined
    afterEach(async () => {
      await app?.close()
      await removeUserDataDir(userDataDir)
    })

    it('says no data was read yet, never "cached data"', async () => {
      userDataDir = await makeUserDataDir()
      await writeScenarioSettings(userDataDir, { language })
      app = await launchOnServer(`http://127.0.0.1:${await deadPort()}`, { userDataDir })
      const page = await app.firstWindow()
      await waitForBadge(page, 'reconnecting', 20_000)
      expect(await page.getByTestId('stale-since').count()).toBe(0)
      await expect(page.getByTestId('no-data-yet').textContent()).resolves.toBe(
        TEXT[language].badge
      )
      const clusters = await page.getByTestId('cluster-health').textContent()
      expect(clusters).toContain(TEXT[language].empty)
      expect(clusters).not.toContain(TEXT[language].claims)
      await app.screenshot(`first-run-unreachable-${language}`)
    })
  }
)
