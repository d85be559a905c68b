/** English for the command palette and the keyboard (issue 23): the palette, its job actions, the shortcut sheet. */
export const paletteEnUS = {
  title: 'Command palette',
  placeholder: 'Go to a job on any server, a view or a command…',
  actionsPlaceholder: 'Actions on {{name}}',
  listLabel: 'Results',
  empty: 'Nothing matches “{{query}}”',
  shown: '{{shown}} of {{total}} shown: type more to narrow',
  kinds: {
    recent: 'Recent',
    view: 'View',
    command: 'Command',
    job: 'Job'
  },
  hints: {
    move: '↑↓ move',
    open: 'Enter open',
    actions: '→ actions',
    back: '← back',
    close: 'Esc close'
  },
  openDetails: 'Open details',
  openConsole: 'Open console log',
  openCheckpoints: 'Open checkpoints',
  jobGone: 'This job is no longer in the server’s list',
  shortcutsCommand: 'Keyboard shortcuts',
  sheet: {
    title: 'Keyboard shortcuts',
    general: 'Anywhere',
    views: 'Go to a view',
    inside: 'In the palette, lists and dialogs',
    palette: 'Command palette: jobs on every server, views, actions',
    sheet: 'This list of shortcuts',
    then: 'then',
    or: 'or',
    escape: 'Close the palette, a drawer or a dialog',
    arrows: 'Move through results, tabs and menus',
    enter: 'Open or confirm the selected item',
    right: 'In the palette: the selected job’s actions',
    tab: 'Next control (Shift+Tab: previous)',
    notInFields: 'Keys without Ctrl or ⌘ are ignored while you type in a field.'
  }
}
