/**
 * The application menu (issue 23): its View items reach every view and the palette with the accelerators the
 * renderer's keys and shortcut sheet use, in both languages, with the platform's own menus around them.
 */
import { describe, expect, it } from 'vitest'
import {
  appMenuTemplate,
  menuNavigation,
  MENU_IDS,
  type AppMenuEntry
} from '../../../src/main/desktop/app-menu'
import { menuStrings } from '../../../src/main/desktop/menu-strings'
import { VIEW_SHORTCUTS } from '../../../src/shared/view-shortcuts'

/** Every command item, depth first. */
function commandItems(entries: AppMenuEntry[]): Array<Extract<AppMenuEntry, { command: unknown }>> {
  return entries.flatMap((entry) =>
    'command' in entry ? [entry] : 'submenu' in entry ? commandItems(entry.submenu) : []
  )
}

const topLabels = (entries: AppMenuEntry[]) =>
  entries.map((entry) =>
    'label' in entry && entry.label ? entry.label : 'role' in entry ? entry.role : '—'
  )

describe('application menu', () => {
  it('opens the palette with CmdOrCtrl+K and every view with CmdOrCtrl+1…7, as the shortcut table says', () => {
    const items = commandItems(
      appMenuTemplate(menuStrings('en-US', 'en-US'), 'linux', { devTools: false })
    )
    expect(items.map((item) => [item.label, item.accelerator, item.id])).toEqual([
      ['Command Palette…', 'CmdOrCtrl+K', MENU_IDS.palette],
      ['Fleet', 'CmdOrCtrl+1', 'menu-view-fleet'],
      ['Overview', 'CmdOrCtrl+2', 'menu-view-overview'],
      ['Jobs', 'CmdOrCtrl+3', 'menu-view-jobs'],
      ['Logs', 'CmdOrCtrl+4', 'menu-view-logs'],
      ['Clusters', 'CmdOrCtrl+5', 'menu-view-clusters'],
      ['Diagnostics', 'CmdOrCtrl+6', 'menu-view-diagnostics'],
      ['Settings', 'CmdOrCtrl+7', 'menu-view-settings'],
      ['Keyboard Shortcuts', 'CmdOrCtrl+/', MENU_IDS.shortcuts]
    ])
    for (const { view, digit } of VIEW_SHORTCUTS) {
      const item = items.find((entry) => entry.id === MENU_IDS.view(view))
      expect(item?.accelerator).toBe(`CmdOrCtrl+${digit}`)
      expect(menuNavigation(item!.command)).toEqual({ view })
    }
    // No accelerator takes a key a text field needs.
    expect(items.every((item) => item.accelerator.startsWith('CmdOrCtrl+'))).toBe(true)
  })

  it('asks the renderer for the palette and the sheet without changing the view or the server', () => {
    expect(menuNavigation({ kind: 'palette' })).toEqual({ panel: 'palette' })
    expect(menuNavigation({ kind: 'shortcuts' })).toEqual({ panel: 'shortcuts' })
  })

  it('speaks Chinese when the console does', () => {
    const entries = appMenuTemplate(menuStrings('system', 'zh-CN'), 'win32', { devTools: false })
    expect(topLabels(entries)).toEqual(['文件', '视图', '帮助'])
    expect(commandItems(entries).map((item) => item.label)).toEqual([
      '命令面板…',
      '服务器总览',
      '概览',
      '作业',
      '日志',
      '集群',
      '诊断',
      '设置',
      '键盘快捷键'
    ])
  })

  it("keeps macOS's app, Edit and Window menus (copy and paste need Edit), and the dev tools only unpackaged", () => {
    const en = menuStrings('en-US', 'en-US')
    const mac = appMenuTemplate(en, 'darwin', { devTools: false })
    expect(topLabels(mac)).toEqual(['appMenu', 'editMenu', 'View', 'windowMenu', 'Help'])
    const roles = (entries: AppMenuEntry[]): string[] =>
      entries.flatMap((entry) =>
        'submenu' in entry ? roles(entry.submenu) : 'role' in entry ? [entry.role] : []
      )
    expect(roles(mac)).not.toContain('toggleDevTools')
    expect(roles(appMenuTemplate(en, 'linux', { devTools: true }))).toContain('toggleDevTools')
    expect(roles(appMenuTemplate(en, 'linux', { devTools: false }))).toContain('quit')
  })
})
