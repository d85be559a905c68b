/**
 * Choosing a job's metrics: for each vertex the names Flink offers (`getJobMetricsItems`), checked where the
 * layout has them; saving asks for confirmation first, because Dinky restarts the job's refresh task when a
 * layout is saved. On a read-only server (issue 23) the names can be browsed but Save is disabled, saying why.
 */
import { Alert, App, Checkbox, Empty, Modal, Spin, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { JobMetricsView, MetricsLayoutEntry } from '../../../../shared/metrics'
import type { Job } from '../../../../shared/models'
import { errorMessage, unwrap } from '../../ipc/unwrap-result'
import { selectIsReadOnly, selectProfileId } from '../../store/selectors'
import { useConsole, useConsoleApi, useConsoleStore } from '../../store/store-context'
import { groupSeries, MAX_CHARTS } from './metric-series-list'

export function MetricPicker(props: {
  job: Job
  address: string | null
  view: JobMetricsView
  onClose: () => void
}) {
  const { job, view } = props
  const { t } = useTranslation()
  const { modal, message } = App.useApp()
  const api = useConsoleApi()
  const store = useConsoleStore()
  const profileId = useConsole(selectProfileId)
  const readOnly = useConsole(selectIsReadOnly)
  const jid = view.jid
  const groups = groupSeries(view)
  const [items, setItems] = useState<Record<string, string[]> | null>(null)
  const [chosen, setChosen] = useState<Record<string, string[]>>(() =>
    Object.fromEntries(groups.map((g) => [g.vertex, g.metrics]))
  )

  useEffect(() => {
    let current = true
    const vertices = groupSeries(view).map((g) => g.vertex)
    Promise.all(
      vertices.map((vertex) =>
        unwrap(
          api.invoke('metrics:items', { profileId, jid, address: props.address ?? '', vertex })
        ).then((names) => [vertex, names] as const)
      )
    ).then(
      (pairs) => current && setItems(Object.fromEntries(pairs)),
      (error) => current && message.error(t('metrics.loadFailed', { message: errorMessage(error) }))
    )
    return () => {
      current = false
    }
    // The vertices come from the view as it was when the picker opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, profileId, jid, props.address])

  const save = () => {
    const entries: MetricsLayoutEntry[] = groups.flatMap((g) =>
      (chosen[g.vertex] ?? []).map((metric) => ({ vertex: g.vertex, vertexTitle: g.title, metric }))
    )
    modal.confirm({
      title: t('metrics.pickConfirmTitle'),
      content: t('metrics.pickConfirm'),
      okButtonProps: { 'data-testid': 'confirm-save-layout' } as Record<string, string>,
      onOk: async () => {
        const layout = {
          name: view.layout?.name ?? `${job.name}-${job.taskId}`,
          taskId: job.taskId,
          entries: entries.slice(0, MAX_CHARTS)
        }
        try {
          const saved = await unwrap(api.invoke('metrics:save-layout', { profileId, jid, layout }))
          const latest = store.getState().metricsViews
          const currentView = Object.values(latest).find((v) => v.jid === jid) ?? view
          store.getState().setMetricsView(profileId, { ...currentView, layout: saved })
          message.success(t('metrics.saved'))
          props.onClose()
        } catch (error) {
          message.error(t('metrics.saveFailed', { message: errorMessage(error) }))
        }
      }
    })
  }

  return (
    <Modal
      open
      title={t('metrics.pickTitle', { name: job.name })}
      okText={t('metrics.save')}
      onOk={save}
      okButtonProps={{ disabled: readOnly }}
      onCancel={props.onClose}
      data-testid="metric-picker"
    >
      {readOnly && (
        <Alert
          type="info"
          showIcon
          title={t('readOnly.disabled')}
          style={{ marginBottom: 12 }}
          data-testid="read-only-note"
        />
      )}
      {items === null ? (
        <Spin />
      ) : groups.length === 0 ? (
        <Empty description={t('metrics.noVertices')} />
      ) : (
        groups.map((group) => (
          <div key={group.vertex} style={{ marginBottom: 12 }}>
            <Typography.Text strong>
              {group.title || t('metrics.vertex', { id: group.vertex.slice(0, 8) })}
            </Typography.Text>
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', marginTop: 4 }}
              value={chosen[group.vertex] ?? []}
              onChange={(values) => setChosen({ ...chosen, [group.vertex]: values as string[] })}
              options={(items[group.vertex] ?? []).map((name) => ({ label: name, value: name }))}
            />
          </div>
        ))
      )}
    </Modal>
  )
}
