/**
 * What the `scale` benchmark runs inside the app's page, as source text (this program is compiled without the DOM
 * library): a long-task recorder, a timer of one interaction (from the input event to the frame painted after the
 * last DOM change it caused), and a timer of a fleet card's update after a job push named its server.
 */
import type { Page } from 'playwright-core'
import { PUSH_CHANNELS } from '../../src/shared/ipc/contract'
import { CARD_MARK } from './frame-work'

const JOB_CHANNELS = PUSH_CHANNELS.filter((channel) => channel.startsWith('jobs:'))

const PROBE_SOURCE = `(() => {
  if (window.__scale) return
  const s = { longTasks: [] }
  window.__scale = s
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) s.longTasks.push({ at: e.startTime, ms: e.duration })
  }).observe({ type: 'longtask', buffered: true })
  const channel = new MessageChannel()
  const afterPaint = []
  channel.port1.onmessage = () => { const now = performance.now(); afterPaint.splice(0).forEach((f) => f(now)) }
  /** performance.now() in the task right after the next frame: its style, layout and paint are done. */
  s.nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
    afterPaint.push(resolve); channel.port2.postMessage(0)
  }))
  /** Changes that count: nodes added or removed, or a row shown for another job (virtual rows are reused). */
  const options = { childList: true, subtree: true, attributes: true, attributeFilter: ['data-job-id'] }
  const inside = (node, selector) => (node.nodeType === 1 ? node : node.parentElement)?.closest(selector)
  const touches = (m, selector) => !selector || inside(m.target, selector) ||
    [...m.addedNodes].some((n) => n.nodeType === 1 && (n.matches(selector) || n.querySelector(selector)))
  /**
   * Resolves with the ms from the next eventType event on targetSelector (its timeStamp) to the paint after the
   * last change under rootSelector (anywhere when null) it caused, once no change came for settleMs and
   * readySelector (when given) is on the page.
   */
  s.time = (eventType, targetSelector, rootSelector, readySelector, settleMs) => new Promise((resolve, reject) => {
    let t0 = null, lastChange = 0, painted = null, pending = false, observer = null
    const onChange = (mutations) => {
      if (!mutations.some((m) => touches(m, rootSelector))) return
      lastChange = performance.now()
      if (pending) return
      pending = true
      s.nextPaint().then((at) => { painted = at; pending = false })
    }
    const onEvent = (event) => {
      if (t0 !== null || !event.target.closest?.(targetSelector)) return
      t0 = event.timeStamp
      observer = new MutationObserver(onChange)
      observer.observe(document.body, options)
      s.nextPaint().then((at) => { if (painted === null) painted = at })
    }
    const finish = (error) => {
      clearTimeout(deadline); clearInterval(poll); observer?.disconnect()
      document.removeEventListener(eventType, onEvent, true)
      error ? reject(error) : resolve(painted - t0)
    }
    const deadline = setTimeout(() => finish(new Error('no settled ' + eventType + ' on ' + targetSelector)), 15000)
    const poll = setInterval(() => {
      if (t0 === null || pending || painted === null) return
      if (readySelector && !document.querySelector(readySelector)) return
      if (performance.now() - Math.max(lastChange, t0) >= settleMs) finish()
    }, 20)
    document.addEventListener(eventType, onEvent, true)
  })
  s.cards = {}
  /** The epoch ms of the paint after card profileId next changes, once a job push for it arrived. */
  s.armCard = (profileId) => {
    const card = document.querySelector('[data-testid="fleet-server"][data-profile-id="' + profileId + '"]')
    if (!card) throw new Error('no fleet card for ' + profileId)
    const entry = { text: card.textContent, arrived: false, changed: false }
    s.cards[profileId] = entry
    entry.result = new Promise((resolve) => {
      setTimeout(() => resolve(null), 20000)
      const observer = new MutationObserver(() => {
        if (!entry.arrived || card.textContent === entry.text) return
        entry.changed = true
        observer.disconnect()
        // Marks the task that changed the card in a trace (frame-work.ts), when one is recorded.
        console.timeStamp(CARD_MARK + ' ' + profileId)
        s.nextPaint().then((at) => resolve({ paintEpoch: performance.timeOrigin + at, arrivedEpoch: entry.arrivedEpoch }))
      })
      observer.observe(card, { childList: true, subtree: true, characterData: true, attributes: true })
    })
  }
  for (const name of JOB_CHANNELS) {
    window.api.on(name, (message) => {
      const at = performance.timeOrigin + performance.now()
      for (const item of message.items || []) {
        const entry = item && s.cards[item.profileId]
        // The latest push before the card changed is the one that changed it.
        if (entry && !entry.changed) { entry.arrived = true; entry.arrivedEpoch = at }
      }
    })
  }
})()`

/** Installs the probes (idempotent). */
export async function installScaleProbes(page: Page): Promise<void> {
  await page.evaluate(
    PROBE_SOURCE.replace('JOB_CHANNELS', JSON.stringify(JOB_CHANNELS)).replace(
      'CARD_MARK',
      JSON.stringify(CARD_MARK)
    )
  )
}

/** Long tasks (ms) recorded since `since` (page ms), and the page's clock now. */
export async function longTasksSince(page: Page, since: number): Promise<number[]> {
  return page.evaluate(
    `window.__scale.longTasks.filter((t) => t.at >= ${since}).map((t) => t.ms)`
  ) as Promise<number[]>
}

export function pageNow(page: Page): Promise<number> {
  return page.evaluate('performance.now()') as Promise<number>
}

export interface InteractionSpec {
  /** 'click' or 'input'. */
  event: string
  /** The element the event is on (or inside). */
  target: string
  /** Changes under this element count (null: any). */
  root: string | null
  /** The interaction is not over before this is on the page (null: no condition). */
  ready: string | null
  /** Quiet ms after the last change that end it (not counted). */
  settleMs: number
}

/** Arms the timer, performs `act` (which must raise the event), and resolves with the ms it took to paint. */
export async function timeInteraction(
  page: Page,
  spec: InteractionSpec,
  act: () => Promise<unknown>
): Promise<number> {
  const args = [spec.event, spec.target, spec.root, spec.ready, spec.settleMs].map((value) =>
    JSON.stringify(value)
  )
  await page.evaluate(`void (window.__scale.pending = window.__scale.time(${args.join(', ')}))`)
  await act()
  return page.evaluate('window.__scale.pending') as Promise<number>
}
