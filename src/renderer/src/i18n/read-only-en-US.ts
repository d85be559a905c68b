/**
 * English strings of read-only servers (issue 23): the profile form's switch, the tag beside a server's name and
 * why an action is disabled. Spliced into the catalogue as its `readOnly` key; zh-CN mirrors it.
 */
export const readOnlyEnUS = {
  tag: 'Read-only',
  formLabel: 'Read-only server',
  formHelp:
    'Watch only: the console never cancels, restarts, savepoints, restores or saves metric layouts here.',
  disabled: 'Read-only server: actions are disabled in its profile'
}
