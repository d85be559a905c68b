/** What the operator is looking at, and the app-wide facts and settings that shape how it is drawn. */
import type { StateCreator } from 'zustand'
import type { AppInfo } from '../../../shared/ipc/contract'
import { DEFAULT_APP_SETTINGS, type AppSettings } from '../../../shared/profiles'
import type { ConsoleState } from './console-store'

/** `fleet` (issue 23): every server at a glance, the first view when more than one server is configured. */
export const VIEWS = [
  'fleet',
  'overview',
  'jobs',
  'logs',
  'clusters',
  'diagnostics',
  'settings'
] as const
export type ViewName = (typeof VIEWS)[number]

/** The Jobs view's scope: the selected server's jobs, or every server's together. */
export type JobsScope = 'server' | 'all'

export interface UiSlice {
  view: ViewName
  /** The job whose detail drawer is open. */
  openJobId: number | null
  /** The drawer tab to open it on (null: its first tab). */
  openJobTab: string | null
  /** The vertex whose charts the Metrics tab scrolls to (the job graph's vertex panel asks; issue 24). */
  metricsVertex: string | null
  /** The process shown in the Logs view. */
  logProcess: string | null
  /** Whether the Jobs view lists the selected server's jobs or all servers' at once. */
  jobsScope: JobsScope
  appInfo: AppInfo | null
  settings: AppSettings
  /** The OS dark mode as last reported (app:info, then the media query). */
  systemDark: boolean
  /** The command palette (Ctrl/⌘+K) and the shortcut sheet (`?`) are open (issue 23). */
  paletteOpen: boolean
  shortcutSheetOpen: boolean
  navigate: (view: ViewName, jobId?: number) => void
  openJob: (jobId: number | null, tab?: string) => void
  /** Opens the job's Metrics tab at one vertex's charts. */
  openVertexMetrics: (jobId: number, vertex: string) => void
  selectLogProcess: (process: string | null) => void
  setJobsScope: (scope: JobsScope) => void
  setAppInfo: (info: AppInfo) => void
  setSettings: (settings: AppSettings) => void
  setSystemDark: (dark: boolean) => void
  setPaletteOpen: (open: boolean) => void
  setShortcutSheetOpen: (open: boolean) => void
}

export const createUiSlice: StateCreator<ConsoleState, [], [], UiSlice> = (set) => ({
  view: 'overview',
  openJobId: null,
  openJobTab: null,
  metricsVertex: null,
  logProcess: null,
  jobsScope: 'server',
  appInfo: null,
  settings: DEFAULT_APP_SETTINGS,
  systemDark: false,
  paletteOpen: false,
  shortcutSheetOpen: false,
  navigate: (view, jobId) =>
    set(jobId === undefined ? { view } : { view, openJobId: jobId, openJobTab: null }),
  openJob: (openJobId, tab) => set({ openJobId, openJobTab: tab ?? null, metricsVertex: null }),
  openVertexMetrics: (openJobId, metricsVertex) =>
    set({ openJobId, openJobTab: 'metrics', metricsVertex }),
  selectLogProcess: (logProcess) => set({ logProcess }),
  setJobsScope: (jobsScope) => set({ jobsScope }),
  setAppInfo: (appInfo) => set({ appInfo, systemDark: appInfo.darkMode }),
  setSettings: (settings) => set({ settings }),
  setSystemDark: (systemDark) => set({ systemDark }),
  // One overlay at a time: the palette opens the sheet (and the sheet the palette) in place of itself.
  setPaletteOpen: (paletteOpen) =>
    set(paletteOpen ? { paletteOpen, shortcutSheetOpen: false } : { paletteOpen }),
  setShortcutSheetOpen: (shortcutSheetOpen) =>
    set(shortcutSheetOpen ? { shortcutSheetOpen, paletteOpen: false } : { shortcutSheetOpen })
})
