/**
 * The application menu's words in the console's two languages (the renderer has the full catalogues; the menu
 * follows the same language setting, as the tray does through main-strings).
 */
import type { LanguageChoice } from '../../shared/profiles'
import type { NavigableView } from '../../shared/view-shortcuts'

export interface MenuStrings {
  file: string
  view: string
  window: string
  help: string
  palette: string
  shortcuts: string
  views: Record<NavigableView, string>
  resetZoom: string
  zoomIn: string
  zoomOut: string
  fullScreen: string
  devTools: string
  quit: string
}

const EN: MenuStrings = {
  file: 'File',
  view: 'View',
  window: 'Window',
  help: 'Help',
  palette: 'Command Palette…',
  shortcuts: 'Keyboard Shortcuts',
  views: {
    fleet: 'Fleet',
    overview: 'Overview',
    jobs: 'Jobs',
    logs: 'Logs',
    clusters: 'Clusters',
    diagnostics: 'Diagnostics',
    settings: 'Settings'
  },
  resetZoom: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  fullScreen: 'Toggle Full Screen',
  devTools: 'Toggle Developer Tools',
  quit: 'Quit'
}

const ZH: MenuStrings = {
  file: '文件',
  view: '视图',
  window: '窗口',
  help: '帮助',
  palette: '命令面板…',
  shortcuts: '键盘快捷键',
  views: {
    fleet: '服务器总览',
    overview: '概览',
    jobs: '作业',
    logs: '日志',
    clusters: '集群',
    diagnostics: '诊断',
    settings: '设置'
  },
  resetZoom: '实际大小',
  zoomIn: '放大',
  zoomOut: '缩小',
  fullScreen: '切换全屏',
  devTools: '切换开发者工具',
  quit: '退出'
}

/** The words for a language setting; `system` follows the OS locale (any Chinese locale gets Chinese). */
export function menuStrings(choice: LanguageChoice, osLocale: string): MenuStrings {
  const language = choice === 'system' ? osLocale : choice
  return language.toLowerCase().startsWith('zh') ? ZH : EN
}
