/**
 * Flink's logs through Dinky: the JobManager's log, stdout and thread dump, the TaskManager list and each
 * TaskManager's log, in the same log viewer as console logs (search, levels, follow). Following is main's:
 * it polls the chosen log and sends only the new lines, under a `flink:` pseudo process.
 */
import { Empty, Segmented, Select, Space } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FlinkLogKind, TaskManagerEntry } from '../../../../shared/job-health'
import { unwrap } from '../../ipc/unwrap-result'
import { FailureAlert } from '../../components/FailureAlert'
import { selectLog, selectProfileId } from '../../store/selectors'
import { useConsole, useConsoleApi } from '../../store/store-context'
import { LogViewer } from '../logs/LogViewer'

export function FlinkLogsTab({ address }: { address: string | null }) {
  const { t } = useTranslation()
  const api = useConsoleApi()
  const profileId = useConsole(selectProfileId)
  const applyLogTails = useConsole((state) => state.applyLogTails)
  const [kind, setKind] = useState<FlinkLogKind>('jm-log')
  const [managers, setManagers] = useState<TaskManagerEntry[]>([])
  const [containerId, setContainerId] = useState<string | null>(null)
  const [process, setProcess] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const log = useConsole(selectLog(process))

  useEffect(() => {
    if (!address || kind !== 'tm-log') return
    unwrap(api.invoke('jobHealth:task-managers', { profileId, address })).then(
      (list) => {
        setManagers(list)
        setContainerId((current) => current ?? list[0]?.containerId ?? null)
      },
      (failure) => setError(failure ?? 'failed')
    )
  }, [api, profileId, address, kind])

  useEffect(() => {
    if (!address || (kind === 'tm-log' && !containerId)) return
    let current = true
    let followed: string | null = null
    const ref = { kind, address, ...(kind === 'tm-log' && containerId ? { containerId } : {}) }
    unwrap(api.invoke('jobHealth:flink-log', { profileId, ref })).then(
      (reply) => {
        followed = reply.process
        if (!current)
          return void api.invoke('jobHealth:flink-log-stop', { profileId, process: reply.process })
        setError(null)
        setProcess(reply.process)
        // Replace what the store holds for this log with what main read now (its lines also come as appends).
        if (reply.chunks.length > 0) applyLogTails(profileId, reply.chunks)
      },
      (failure) => current && setError(failure ?? 'failed')
    )
    return () => {
      current = false
      if (followed) void api.invoke('jobHealth:flink-log-stop', { profileId, process: followed })
    }
  }, [api, profileId, address, kind, containerId, applyLogTails])

  if (!address) return <Empty description={t('jobHealth.noAddress')} />
  return (
    <div
      data-testid="flink-logs-tab"
      style={{ display: 'flex', flexDirection: 'column', height: '100%' }}
    >
      <Space wrap style={{ marginBottom: 8 }}>
        <Segmented<FlinkLogKind>
          value={kind}
          onChange={setKind}
          options={[
            { value: 'jm-log', label: t('jobHealth.jmLog') },
            { value: 'jm-stdout', label: t('jobHealth.jmStdout') },
            { value: 'jm-thread-dump', label: t('jobHealth.threadDump') },
            { value: 'tm-log', label: t('jobHealth.tmLog') }
          ]}
          data-testid="flink-log-kind"
        />
        {kind === 'tm-log' && (
          <Select<string>
            style={{ minWidth: 260 }}
            value={containerId ?? undefined}
            onChange={setContainerId}
            placeholder={t('jobHealth.taskManagers')}
            aria-label={t('jobHealth.taskManagers')}
            options={managers.map((tm) => ({
              value: tm.containerId,
              label: `${tm.containerId} · ${t('jobHealth.slots')} ${tm.freeSlots ?? '—'}/${tm.slotsNumber ?? '—'}`
            }))}
            data-testid="tm-picker"
          />
        )}
      </Space>
      {error !== null && <FailureAlert error={error} titleKey="jobHealth.loadFailed" />}
      <div style={{ flex: 1, minHeight: 320 }}>
        <LogViewer stream={log} name={process ?? 'flink-log'} height={420} />
      </div>
    </div>
  )
}
