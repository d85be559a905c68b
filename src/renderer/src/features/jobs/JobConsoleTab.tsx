/**
 * The job drawer's Console tab: the job's console log from the store. It selects the log itself, so a
 * `logs:append` push re-renders this tab only, not the drawer, its header and its other tabs.
 */
import { selectLog } from '../../store/selectors'
import { useConsole } from '../../store/store-context'
import { LogViewer } from '../logs/LogViewer'

export function JobConsoleTab({ process }: { process: string }) {
  const log = useConsole(selectLog(process))
  return <LogViewer stream={log} name={process} />
}
