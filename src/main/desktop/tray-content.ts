/**
 * What the tray says and offers, as plain data: each server's state, and (issue 22) how many alerts are firing,
 * as a tooltip line and a menu item that opens the open-alerts list. Electron-free, so the words and the count are
 * tested in Node; `tray.ts` turns the entries into Electron's menu.
 */
import type { ConnectionState } from '../../shared/connection'
import type { MainStrings } from './main-strings'

export interface TrayServer {
  profileId: string
  name: string
  state: ConnectionState | undefined
}

export type TrayCommand =
  | { kind: 'show'; profileId?: string }
  | { kind: 'alerts' }
  | { kind: 'retry-all' }
  | { kind: 'quit' }

export type TrayEntry = { type: 'separator' } | { label: string; id?: string; command: TrayCommand }

/** The menu item's id, so tests (and the e2e harness) can click it in any language. */
export const FIRING_ALERTS_ITEM_ID = 'firing-alerts'

const stateOf = (server: TrayServer, strings: MainStrings) =>
  strings.state[server.state?.kind ?? 'stopped']

export function trayTooltip(servers: TrayServer[], strings: MainStrings, firing: number): string {
  return [
    'Dinky Console',
    ...(firing > 0 ? [strings.firingAlerts(firing)] : []),
    ...servers.map((s) => `${s.name}: ${stateOf(s, strings)}`)
  ].join('\n')
}

export function trayMenu(servers: TrayServer[], strings: MainStrings, firing: number): TrayEntry[] {
  return [
    { label: strings.show, command: { kind: 'show' } },
    ...(firing > 0
      ? [
          {
            label: strings.firingAlerts(firing),
            id: FIRING_ALERTS_ITEM_ID,
            command: { kind: 'alerts' } as const
          }
        ]
      : []),
    { type: 'separator' },
    ...servers.map((s) => ({
      label: `${s.name} — ${stateOf(s, strings)}`,
      command: { kind: 'show', profileId: s.profileId } as const
    })),
    { type: 'separator' },
    { label: strings.retryAll, command: { kind: 'retry-all' } },
    { label: strings.quit, command: { kind: 'quit' } }
  ]
}
