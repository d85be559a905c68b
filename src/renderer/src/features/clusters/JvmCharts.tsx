/** Dinky's JVM as four small time series — heap, non-heap, threads, CPU load — with the latest value of each. */
import { Card, Col, Empty, Row, Statistic, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Jvm, JvmSample } from '../../../../shared/models'
import { Sparkline } from '../../components/Sparkline'
import { formatBytes } from '../../format/units'
import { selectProfileId, selectSysInfo } from '../../store/selectors'
import { useConsole } from '../../store/store-context'

const NO_SAMPLES: JvmSample[] = []

interface Series {
  key: 'heapUsed' | 'nonHeap' | 'threads' | 'cpuLoad'
  pick: (jvm: Jvm) => number
  show: (value: number) => string
  max?: (jvm: Jvm) => number
}

const SERIES: Series[] = [
  { key: 'heapUsed', pick: (j) => j.heapUsed, show: formatBytes, max: (j) => j.heapMax },
  { key: 'nonHeap', pick: (j) => j.nonHeapUsed, show: formatBytes },
  { key: 'threads', pick: (j) => j.threadCount, show: String },
  { key: 'cpuLoad', pick: (j) => j.cpuUsed, show: (v) => v.toFixed(2) }
]

export function JvmCharts() {
  const { t } = useTranslation()
  const samples = useConsole((state) => state.jvm[selectProfileId(state)] ?? NO_SAMPLES)
  const sysInfo = useConsole(selectSysInfo)?.value
  const latest = samples.at(-1)?.jvm ?? sysInfo?.jvm

  return (
    <Card
      size="small"
      title={t('clusters.dinkyJvm')}
      data-testid="jvm-charts"
      extra={
        sysInfo && (
          <Typography.Text type="secondary">
            {t('clusters.system', {
              os: `${sysInfo.systemInfo.osName} ${sysInfo.systemInfo.osArch}`,
              cpus: sysInfo.cpu.cpuNum,
              jvm: sysInfo.systemInfo.jvmVersion
            })}
          </Typography.Text>
        )
      }
    >
      {!latest ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('clusters.noSamples')} />
      ) : (
        <Row gutter={[24, 16]}>
          {SERIES.map((series) => (
            <Col key={series.key} xs={24} md={12} xl={6}>
              <Statistic
                title={t(`clusters.${series.key}`)}
                value={series.show(series.pick(latest))}
              />
              <Sparkline
                label={t(`clusters.${series.key}`)}
                values={samples.map((sample) => series.pick(sample.jvm))}
                max={series.max?.(latest)}
              />
            </Col>
          ))}
        </Row>
      )}
    </Card>
  )
}
