/** Logs: pick a followed process of the selected server and read its console log in the viewer. */
import { Empty, Select, Space, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { ViewHeader } from '../../components/ViewHeader'
import { selectLog, selectLogProcesses } from '../../store/selectors'
import { useConsole } from '../../store/store-context'
import { LogViewer } from './LogViewer'

export function LogsView() {
  const { t } = useTranslation()
  const processList = useConsole(selectLogProcesses)
  const chosen = useConsole((state) => state.logProcess)
  const selectLogProcess = useConsole((state) => state.selectLogProcess)
  const processes = processList === '' ? [] : processList.split('\n')
  const process = chosen !== null && processes.includes(chosen) ? chosen : (processes[0] ?? null)
  const stream = useConsole(selectLog(process))

  return (
    // A flex column as tall as the content area: the viewer takes what the header leaves.
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <ViewHeader
        title={t('nav.logs')}
        extra={
          processes.length > 0 && (
            <Space>
              {stream?.stale && (
                <Tag color="warning" data-testid="stale-marker">
                  {t('connection.cachedData')}
                </Tag>
              )}
              <Select
                value={process}
                onChange={selectLogProcess}
                options={processes.map((name) => ({ value: name, label: name }))}
                style={{ minWidth: 240 }}
                placeholder={t('logs.pickProcess')}
                data-testid="log-process"
              />
            </Space>
          )
        }
      />
      {process === null ? (
        <Empty description={t('logs.noProcesses')} />
      ) : (
        <div style={{ flex: 1, minHeight: 0 }}>
          <LogViewer stream={stream} name={process} />
        </div>
      )}
    </div>
  )
}
