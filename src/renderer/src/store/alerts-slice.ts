/**
 * Open alerts (issue 22): the list as main answered `alerts:active`, kept current by the changes it pushes on
 * `alerts:active` (issue 23: only what changed), and whether the open-alerts panel is showing.
 */
import type { StateCreator } from 'zustand'
import type { ActiveAlert } from '../../../shared/alerts'
import { applyAlertsChanges } from '../../../shared/alerts-changes'
import type { ActiveAlertsChange } from '../../../shared/ipc/alerts-channels'
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
  state: ConsoleState,
  items: readonly ActiveAlertsChange[]
): Partial<ConsoleState> {
  return items.length > 0 ? { activeAlerts: applyAlertsChanges(state.activeAlerts, items) } : {}
}

/** Alerts firing now (not the ones whose data went stale). */
export const selectFiringCount = (state: ConsoleState): number =>
  state.activeAlerts.reduce((count, alert) => count + (alert.state === 'firing' ? 1 : 0), 0)
