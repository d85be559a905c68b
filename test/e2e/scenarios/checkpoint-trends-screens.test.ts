/**
 * Screenshots for issue 24: the Checkpoints tab's trends for the simulator's creeping job (`dim_product_lookup_join`,
 * see src/simulator/world/job-plans.ts: each checkpoint slower than the one before, toward a timeout equal to the
 * interval) in en-US and zh-CN, light and dark, at 960×600 and 1440×900. The simulator's clock is moved 45
 * intervals on once the creep has started, so the history already holds the creep's 36th–45th checkpoints (about
 * 60–70 % of the timeout) when the app first reads it; the latest checkpoint by operator is captured too. Each look has one failed checkpoint in the history, for its marker.
 */
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { jobRow, openView } from '../harness/console-page'
import { SCREENSHOT_DIR } from '../harness/project-paths'
import { useScenarioSimulator } from '../harness/scenario-fixture'
import { screenshotMatrix } from '../harness/screenshot-matrix'
import type { Simulator } from '../../../src/simulator/index'

const JOB = 'dim_product_lookup_join'
const INTERVAL = 10_000
const SIZES = [
  { width: 960, height: 600 },
  { width: 1440, height: 900 }
] as const

let offset = 0
let creeping: ReturnType<Simulator['control']['world']['latestInstances']>[number] | undefined
const dinky = useScenarioSimulator({ now: () => Date.now() + offset }, (sim) => {
  sim.control.jobHealth.checkpointInterval(INTERVAL)
  const { world } = sim.control
  const job = world.latestInstances().find((i) => i.name === JOB && i.status === 'RUNNING')!
  // The creep counts from the first checkpoint recorded: record it now, then skip ahead.
  world.health.state(job, Date.now())
  offset = 45 * INTERVAL
  creeping = job
})

screenshotMatrix(
  'checkpoint trends',
  () => dinky.sim.url,
  ({ chinese, suffix }, scenario) => {
    it('draws the creeping duration against its timeout and says so', async () => {
      const { app, page } = scenario
      // One failed checkpoint among the creeping ones, for its marker (unless one is still in the history).
      const { control } = dinky.sim
      const state = control.world.health.state(creeping!, Date.now() + offset)
      if (!state.history.some((c) => c.status === 'FAILED'))
        control.jobHealth.failCheckpoints(creeping!.taskId, true, { count: 1 })
      await openView(page, 'jobs')
      await jobRow(page, JOB).getByTestId('job-name').click()
      const drawer = page.getByTestId('job-detail')
      await drawer.locator('[data-node-key="checkpoints"]').click()
      const trends = drawer.getByTestId('checkpoint-trends')
      const duration = trends.locator('[data-testid="trend-chart"][data-field="durationMs"]')
      await duration.getByTestId('trend-failed').first().waitFor({ timeout: 60_000 })
      // Flink's history of 10: completed dots and failed crosses together (a look's failure may outlive it).
      const marks = async () =>
        (await duration.getByTestId('trend-dot').count()) +
        (await duration.getByTestId('trend-failed').count())
      await expect.poll(marks).toBe(10)
      await expect(duration.locator('[data-ref="interval-timeout"]').count()).resolves.toBe(1)
      // Rising: each dot higher (a smaller y) than the one before.
      const ys = await duration
        .getByTestId('trend-dot')
        .evaluateAll((dots) => dots.map((d) => Number(d.getAttribute('cy'))))
      for (let i = 1; i < ys.length; i++) expect(ys[i]).toBeLessThan(ys[i - 1])
      const words = await trends.getByTestId('checkpoint-trend-words').textContent()
      expect(words).toMatch(chinese ? /超时的 \d+ %/ : /took \d+ % of the timeout/)
      expect(words).toMatch(chinese ? /中有 1 个失败/ : /1 of the last 10 checkpoints failed/)
      for (const { width, height } of SIZES) {
        await page.setViewportSize({ width, height })
        await trends.scrollIntoViewIfNeeded()
        await app.screenshot(`checkpoint-trends-${width}x${height}-${suffix}`)
      }
      // The section alone at full size, to read the charts' labels.
      const path = join(SCREENSHOT_DIR, `checkpoint-trends-section-${suffix}.png`)
      await trends.screenshot({ path, animations: 'disabled' })
      // The latest checkpoint by operator, read through Dinky's Flink proxy: the plan's four vertices.
      const operators = drawer.getByTestId('checkpoint-operators')
      await expect
        .poll(() => operators.locator('tbody tr.ant-table-row').count(), { timeout: 60_000 })
        .toBe(4)
      await operators.scrollIntoViewIfNeeded()
      await app.screenshot(`checkpoint-operators-${suffix}`)
      await page.keyboard.press('Escape')
    })
  }
)
