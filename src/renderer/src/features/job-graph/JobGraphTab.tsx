/**
 * The drawer's Graph tab (issue 24): the job's plan as a graph from the latest detail (cached when offline, with
 * its age), and the vertex panel of the clicked vertex beside it. Reads the detail itself, like the health tabs.
 */
import { Empty, Flex } from 'antd'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Job } from '../../../../shared/models'
import { selectDark } from '../../store/selectors'
import { useConsole } from '../../store/store-context'
import { AsOfNote } from '../job-health/AsOfNote'
import { useJobHealthDetail } from '../job-health/use-job-health'
import { GraphVertexPanel } from './GraphVertexPanel'
import { JobGraph } from './JobGraph'

export function JobGraphTab({ job }: { job: Job }) {
  const { t } = useTranslation()
  const detail = useJobHealthDetail(job.id)
  const dark = useConsole(selectDark)
  const openVertexMetrics = useConsole((state) => state.openVertexMetrics)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const onOpen = useCallback((id: string) => setSelectedId(id), [])
  if (!detail) return <Empty description={t('jobHealth.noData')} />
  const vertices = detail.value.vertices
  if (vertices.length === 0) return <Empty description={t('jobGraph.noPlan')} />
  const selected = vertices.find((v) => v.id === selectedId) ?? null
  return (
    <Flex vertical gap={8} className="job-graph-tab">
      <div>
        <AsOfNote fresh={detail} />
      </div>
      <div className="job-graph-area">
        <JobGraph
          name={detail.value.name}
          vertices={vertices}
          dark={dark}
          selectedId={selected?.id ?? null}
          onOpen={onOpen}
        />
        {selected && (
          <GraphVertexPanel
            vertex={selected}
            vertices={vertices}
            onClose={() => setSelectedId(null)}
            onMetrics={() => openVertexMetrics(job.id, selected.id)}
          />
        )}
      </div>
    </Flex>
  )
}
