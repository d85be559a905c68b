/**
 * Job changes on the servers, one round at a time: each round changes `count` jobs on every server at once, then
 * waits until each server's next job push reached the page (and, when the fleet overview is on screen, until each
 * card shows it). Gives the IPC bytes the changes cost and the fleet's ms per change (issue 23: under 16 ms): the
 * renderer's main-thread work of each card update, from a trace of the rounds (frame-work.ts), and apart from it
 * the wall time from the push leaving main to the paint.
 */
import type { Page } from 'playwright-core'
import { FRAME_WORK_CATEGORIES, frameWork } from './frame-work'
import type { IpcMeter } from './ipc-meter'
import type { ScaleSims } from './scale-sims'

export interface ChangeFigures {
  /** Jobs changed in all. */
  changes: number
  /** Bytes (every polled channel) that crossed to the renderer during the rounds. */
  bytes: number
  /** Per task that changed cards: its main-thread ms plus the frame that painted it (frame-work.ts). */
  cardWorkMs: number[]
  /** Card updates whose painting frame the trace did not show (counted as their task alone). */
  cardFramesMissing: number
  /** Per card update: from the job push leaving main to the paint after the card changed. */
  cardMs: number[]
  /** Per card update: from the push reaching the page's listeners (the store already updated) to that paint. */
  cardRenderMs: number[]
  /** Cards that did not show their server's changes within 20 s of them (left out of the timings). */
  cardTimeouts: number
}

interface CardTiming {
  paintEpoch: number
  arrivedEpoch: number
}

async function waitFor(what: string, done: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Rounds of changes (`counts[i]` jobs per server in round i); `withCards` times the fleet overview's cards. */
export async function measureChanges(
  page: Page,
  sims: ScaleSims,
  meter: IpcMeter,
  profileIds: readonly string[],
  counts: readonly number[],
  withCards: boolean
): Promise<ChangeFigures> {
  const figures: ChangeFigures = {
    changes: 0,
    bytes: 0,
    cardWorkMs: [],
    cardFramesMissing: 0,
    cardMs: [],
    cardRenderMs: [],
    cardTimeouts: 0
  }
  const browser = page.context().browser()
  if (withCards && browser) {
    await browser.startTracing(page, { categories: FRAME_WORK_CATEGORIES })
  }
  try {
    await runRounds(page, sims, meter, profileIds, counts, withCards, figures)
  } finally {
    if (withCards && browser) {
      const work = frameWork(JSON.parse((await browser.stopTracing()).toString('utf8')))
      figures.cardWorkMs = work.samples
      figures.cardFramesMissing = work.framesMissing
    }
  }
  return figures
}

async function runRounds(
  page: Page,
  sims: ScaleSims,
  meter: IpcMeter,
  profileIds: readonly string[],
  counts: readonly number[],
  withCards: boolean,
  figures: ChangeFigures
): Promise<void> {
  for (const count of counts) {
    meter.reset()
    for (const id of profileIds) {
      meter.arm(id)
      if (withCards) await page.evaluate(`window.__scale.armCard(${JSON.stringify(id)})`)
    }
    for (let server = 0; server < profileIds.length; server++) {
      figures.changes += await sims.change(server, count)
    }
    for (const id of profileIds) {
      await waitFor(`a job push for ${id}`, () => meter.arrival(id) !== null)
      if (!withCards) continue
      const card = (await page.evaluate(
        `window.__scale.cards[${JSON.stringify(id)}].result`
      )) as CardTiming | null
      if (!card) {
        figures.cardTimeouts += 1
        continue
      }
      figures.cardMs.push(
        card.paintEpoch - (meter.arrival(id, card.paintEpoch) ?? card.arrivedEpoch)
      )
      figures.cardRenderMs.push(card.paintEpoch - card.arrivedEpoch)
    }
    // The batcher sends what else the changes caused (transitions, alerts, timeline) within 50 ms.
    await new Promise((resolve) => setTimeout(resolve, 300))
    figures.bytes += meter.polledBytes()
    meter.disarm()
  }
}
