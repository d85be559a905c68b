/**
 * Open alerts (issue 22): the whole list as main last pushed it on `alerts:active` (or answered `alerts:active`),
 * and whether the open-alerts panel is showing. Each push is the complete list, so the latest one replaces all.
 */
import type { StateCreator } from 'zustand'
import type { ActiveAlert } from '../../../shared/alerts'
import type { ConsoleState } from './console-store'

export interface AlertsSlice {
  activeAlerts: ActiveAlert[]
  alertsPanelOpen: boolean
  setActiveAlerts: (alerts: ActiveAlert[]) => void
  setAlertsPanelOpen: (open: boolean) => void
}

export const createAlertsSlice: StateCreator<ConsoleState, [], [], AlertsSlice> = (set) => ({
  activeAlerts: [],
  alertsPanelOpen: false,
  setActiveAlerts: (activeAlerts) => set({ activeAlerts }),
  setAlertsPanelOpen: (alertsPanelOpen) => set({ alertsPanelOpen })
})

export function reduceActiveAlerts(
  _state: ConsoleState,
  items: ReadonlyArray<ActiveAlert[]>
): Partial<ConsoleState> {
  const latest = items.at(-1)
  return latest ? { activeAlerts: latest } : {}
}

/** Alerts firing now (not the ones whose data went stale). */
export const selectFiringCount = (state: ConsoleState): number =>
  state.activeAlerts.reduce((count, alert) => count + (alert.state === 'firing' ? 1 : 0), 0)
