/**
 * Live metrics in the renderer: the views of the jobs a Metrics tab or a pinned chart holds open (keyed by profile
 * and job), merged from `metrics:update` pushes (each point once, by time), and the charts pinned to the Overview
 * (kept in localStorage: they are a view preference, not server data).
 */
import type { StateCreator } from 'zustand'
import type { PushChannels } from '../../../shared/ipc/contract'
import { mergePoints, type JobMetricsView } from '../../../shared/metrics'
import type { ConsoleState } from './console-store'

/** A chart on the Overview: one vertex × metric of one job. */
export interface PinnedChart {
  profileId: string
  jid: string
  jobName: string
  vertex: string
  vertexTitle: string
  metric: string
}

export interface MetricsSlice {
  metricsViews: Record<string, JobMetricsView>
  pinnedCharts: PinnedChart[]
  setMetricsView: (profileId: string, view: JobMetricsView) => void
  dropMetricsView: (profileId: string, jid: string) => void
  /**
   * Replaces an open view with one re-read from main, keeping the points pushed meanwhile (each once, by time);
   * a view no one shows any more stays closed.
   */
  refreshMetricsView: (profileId: string, view: JobMetricsView) => void
  pinChart: (pin: PinnedChart) => void
  unpinChart: (pin: PinnedChart) => void
}

const PINS_KEY = 'dinky-console.pinned-metrics'
/** Pinned charts at most (each holds a job's subscription open). */
export const MAX_PINS = 12

export const metricsKey = (profileId: string, jid: string) => `${profileId}\u0000${jid}`
/** The profile and job of a `metricsKey` (a jid holds no NUL). */
export function metricsKeyParts(key: string): { profileId: string; jid: string } {
  const cut = key.lastIndexOf('\u0000')
  return { profileId: key.slice(0, cut), jid: key.slice(cut + 1) }
}
const samePin = (a: PinnedChart, b: PinnedChart) =>
  a.profileId === b.profileId && a.jid === b.jid && a.vertex === b.vertex && a.metric === b.metric

function loadPins(): PinnedChart[] {
  try {
    const raw: unknown = JSON.parse(globalThis.localStorage?.getItem(PINS_KEY) ?? '[]')
    return Array.isArray(raw) ? (raw as PinnedChart[]).slice(0, MAX_PINS) : []
  } catch {
    return []
  }
}

function savePins(pins: PinnedChart[]): PinnedChart[] {
  try {
    globalThis.localStorage?.setItem(PINS_KEY, JSON.stringify(pins))
  } catch {
    // Storage full or unavailable: the pins live for this session.
  }
  return pins
}

export const createMetricsSlice: StateCreator<ConsoleState, [], [], MetricsSlice> = (set) => ({
  metricsViews: {},
  pinnedCharts: loadPins(),
  setMetricsView: (profileId, view) =>
    set((state) => ({
      metricsViews: { ...state.metricsViews, [metricsKey(profileId, view.jid)]: view }
    })),
  dropMetricsView: (profileId, jid) =>
    set((state) => {
      const next = { ...state.metricsViews }
      delete next[metricsKey(profileId, jid)]
      return { metricsViews: next }
    }),
  refreshMetricsView: (profileId, view) =>
    set((state) => {
      const key = metricsKey(profileId, view.jid)
      const current = state.metricsViews[key]
      if (!current) return {}
      const points = mergePoints(view.points, current.points)
      return { metricsViews: { ...state.metricsViews, [key]: { ...view, points } } }
    }),
  pinChart: (pin) =>
    set((state) =>
      state.pinnedCharts.some((p) => samePin(p, pin)) || state.pinnedCharts.length >= MAX_PINS
        ? {}
        : { pinnedCharts: savePins([...state.pinnedCharts, pin]) }
    ),
  unpinChart: (pin) =>
    set((state) => ({ pinnedCharts: savePins(state.pinnedCharts.filter((p) => !samePin(p, pin))) }))
})

/** Applies a batch of updates to the views that are open; updates of jobs no one shows are dropped. */
export function reduceMetricsUpdates(
  state: ConsoleState,
  items: PushChannels['metrics:update']
): Partial<ConsoleState> {
  let views: Record<string, JobMetricsView> | null = null
  for (const update of items) {
    const key = metricsKey(update.profileId, update.jid)
    const current = (views ?? state.metricsViews)[key]
    if (!current) continue
    views ??= { ...state.metricsViews }
    views[key] = {
      ...current,
      points: mergePoints(current.points, update.added),
      outages: update.outages,
      lastSampleAt: update.lastSampleAt,
      intervalMs: update.intervalMs,
      diagnosis: update.diagnosis,
      layout: update.layout,
      stale: update.stale,
      asOf: update.asOf
    }
  }
  return views ? { metricsViews: views } : {}
}
