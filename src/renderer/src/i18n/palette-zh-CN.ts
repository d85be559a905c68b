/** 命令面板与键盘操作的简体中文（issue 23）：面板、面板中的作业操作、快捷键一览。 */
import type { CatalogueShape } from './en-US'

export const paletteZhCN: CatalogueShape['palette'] = {
  title: '命令面板',
  placeholder: '跳转到任一服务器的作业、视图或命令…',
  actionsPlaceholder: '对 {{name}} 的操作',
  listLabel: '结果',
  empty: '没有与“{{query}}”匹配的项',
  shown: '显示 {{shown}} / {{total}} 项：继续输入以缩小范围',
  kinds: {
    recent: '最近',
    view: '视图',
    command: '命令',
    job: '作业'
  },
  hints: {
    move: '↑↓ 移动',
    open: 'Enter 打开',
    actions: '→ 操作',
    back: '← 返回',
    close: 'Esc 关闭'
  },
  openDetails: '打开详情',
  openConsole: '打开控制台日志',
  openCheckpoints: '打开检查点',
  jobGone: '服务器的作业列表中已没有此作业',
  shortcutsCommand: '键盘快捷键',
  sheet: {
    title: '键盘快捷键',
    general: '任意位置',
    views: '跳转到视图',
    inside: '在面板、列表和对话框中',
    palette: '命令面板：所有服务器的作业、视图、操作',
    sheet: '本快捷键一览',
    then: '然后',
    or: '或',
    escape: '关闭面板、抽屉或对话框',
    arrows: '在结果、标签页和菜单中移动',
    enter: '打开或确认所选项',
    right: '在面板中：所选作业的操作',
    tab: '下一个控件（Shift+Tab：上一个）',
    notInFields: '在输入框中输入时，不带 Ctrl 或 ⌘ 的按键不作为快捷键。'
  }
}
