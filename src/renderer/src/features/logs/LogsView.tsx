/**
 * Logs: pick a followed process of the selected server, or any job's submission log to follow from here, and read
 * it in the viewer.
 */
import { Empty, Select, Space, Tag } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { ViewHeader } from '../../components/ViewHeader'
import { unwrap } from '../../ipc/unwrap-result'
import { selectJobs, selectLog, selectLogProcesses, selectProfileId } from '../../store/selectors'
import { useConsole, useConsoleApi, useConsoleSync } from '../../store/store-context'
import { logProcessOptions } from './log-process-options'
import { LogViewer } from './LogViewer'

export function LogsView() {
  const { t } = useTranslation()
  const processList = useConsole(selectLogProcesses)
  const chosen = useConsole((state) => state.logProcess)
  const selectLogProcess = useConsole((state) => state.selectLogProcess)
  const processes = useMemo(
    () => (processList === '' ? [] : processList.split('\n')),
    [processList]
  )
  const process = chosen !== null && processes.includes(chosen) ? chosen : (processes[0] ?? null)
  const stream = useConsole(selectLog(process))
  const jobs = useConsole(selectJobs)
  const profileId = useConsole(selectProfileId)
  const api = useConsoleApi()
  const sync = useConsoleSync()
  const options = useMemo(() => logProcessOptions(processes, jobs?.value ?? []), [processes, jobs])

  const choose = (next: string) => {
    selectLogProcess(next)
    if (processes.includes(next) || !profileId) return
    // Following from here keeps the log followed for this session; its tail arrives through a snapshot (as in the
    // job drawer), whose sequence floor drops the lines `logs:follow` also pushes.
    void unwrap(api.invoke('logs:follow', { profileId, process: next })).then(
      () => sync.resync([profileId]),
      () => undefined
    )
  }

  return (
    // A flex column as tall as the content area: the viewer takes what the header leaves.
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <ViewHeader
        title={t('nav.logs')}
        extra={
          options.length > 0 && (
            <Space>
              {stream?.stale && (
                <Tag color="warning" data-testid="stale-marker">
                  {t('connection.cachedData')}
                </Tag>
              )}
              <Select
                value={process}
                onChange={choose}
                showSearch={{ optionFilterProp: 'label' }}
                options={[
                  {
                    label: t('logs.followed'),
                    options: options.filter((option) => option.followed)
                  },
                  {
                    label: t('logs.otherJobs'),
                    options: options.filter((option) => !option.followed)
                  }
                ].filter((group) => group.options.length > 0)}
                style={{ minWidth: 320 }}
                placeholder={t('logs.pickProcess')}
                aria-label={t('logs.pickProcess')}
                data-testid="log-process"
              />
            </Space>
          )
        }
      />
      {process === null ? (
        <Empty description={t(options.length > 0 ? 'logs.pickToFollow' : 'logs.noProcesses')} />
      ) : (
        <div style={{ flex: 1, minHeight: 0 }}>
          <LogViewer stream={stream} name={process} />
        </div>
      )}
    </div>
  )
}
