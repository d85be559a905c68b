/** The tray counts firing alerts (issue 22) in its tooltip and offers them in its menu, in both languages. */
import { describe, expect, it } from 'vitest'
import { mainStrings } from '../../../src/main/desktop/main-strings'
import {
  FIRING_ALERTS_ITEM_ID,
  trayMenu,
  trayTooltip,
  type TrayServer
} from '../../../src/main/desktop/tray-content'

const servers: TrayServer[] = [
  { profileId: 'p', name: 'Prod', state: { kind: 'live', since: 0, transport: 'sse' } as never }
]

describe('tray content', () => {
  it('says how many alerts fire, and offers the list, only while some do', () => {
    const en = mainStrings('en-US', 'en-US')
    expect(trayTooltip(servers, en, 0)).toBe('Dinky Console\nProd: Live')
    expect(trayTooltip(servers, en, 3)).toBe('Dinky Console\n3 firing alerts\nProd: Live')
    expect(trayTooltip(servers, en, 1)).toContain('1 firing alert\n')
    const labels = (firing: number) =>
      trayMenu(servers, en, firing).map((entry) => ('label' in entry ? entry.label : '—'))
    expect(labels(0)).toEqual([
      'Show Dinky Console',
      '—',
      'Prod — Live',
      '—',
      'Retry all now',
      'Quit'
    ])
    const item = trayMenu(servers, en, 2).find(
      (entry) => 'id' in entry && entry.id === FIRING_ALERTS_ITEM_ID
    )
    expect(item).toMatchObject({ label: '2 firing alerts', command: { kind: 'alerts' } })
  })

  it('counts in Chinese', () => {
    expect(trayTooltip(servers, mainStrings('zh-CN', 'en-US'), 2)).toContain('2 条告警正在触发')
  })
})
