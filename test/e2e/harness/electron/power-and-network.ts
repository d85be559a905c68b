/** The stand-in `powerMonitor` (tests emit its events), `net` (online flag a test sets) and `screen`. */
import { EventEmitter } from 'node:events'

export class StandInPowerMonitor extends EventEmitter {
  onBatteryPower = false
  getSystemIdleState(_threshold: number): 'active' | 'idle' | 'locked' | 'unknown' {
    return 'active'
  }
  getSystemIdleTime(): number {
    return 0
  }
  isOnBatteryPower(): boolean {
    return this.onBatteryPower
  }
  getCurrentThermalState(): string {
    return 'nominal'
  }
}

export const powerMonitor = new StandInPowerMonitor()

let online = true

export const net = {
  isOnline: (): boolean => online,
  get online(): boolean {
    return online
  },
  /** Electron's net.fetch goes through Chromium's stack; here Node's fetch stands in for it. */
  fetch: (input: string | URL | Request, init?: RequestInit): Promise<Response> =>
    fetch(input, init)
}

export function setOnline(value: boolean): void {
  online = value
}

const display = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1050 },
  size: { width: 1920, height: 1080 },
  workAreaSize: { width: 1920, height: 1050 },
  scaleFactor: 1,
  rotation: 0,
  internal: false
}

export class StandInScreen extends EventEmitter {
  getPrimaryDisplay = () => display
  getAllDisplays = () => [display]
  getDisplayMatching = (_rect: unknown) => display
  getDisplayNearestPoint = (_point: unknown) => display
  getCursorScreenPoint = () => ({ x: 0, y: 0 })
}

export const screen = new StandInScreen()
