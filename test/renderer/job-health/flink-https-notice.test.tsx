/**
 * The job drawer's notice when the job's Flink address is https:// on Dinky 1.0/1.1: the cause, not only "Dinky has
 * lost contact with Flink", in both languages.
 */
import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { FlinkLostNotice } from '../../../src/renderer/src/features/job-health/OverviewHealth'
import type { JobHealthDetail } from '../../../src/shared/job-health'
import type { Fresh } from '../../../src/shared/models'
import { renderConsole } from '../render-console'

afterEach(cleanup)

function detail(flinkHttpsBlocked: boolean): Fresh<JobHealthDetail> {
  const value = {
    instanceId: 1,
    taskId: 1,
    name: 'orders',
    status: 'RECONNECTING',
    jid: null,
    clusterName: 'prod',
    jobManagerAddress: 'https://flink.example:8081',
    flinkLost: true,
    ...(flinkHttpsBlocked ? { flinkHttpsBlocked } : {}),
    errorMsg: null,
    startTime: null,
    durationMs: null,
    parallelism: null,
    restartStrategy: null,
    executionMode: null,
    vertices: [],
    checkpoints: null,
    checkpointConfig: null,
    exceptions: null
  } satisfies JobHealthDetail
  return { value, asOf: Date.now(), stale: false }
}

describe('FlinkLostNotice', () => {
  it('names an https:// Flink on Dinky 1.0/1.1 as the cause (en-US)', () => {
    renderConsole(<FlinkLostNotice detail={detail(true)} />)
    expect(screen.getByTestId('flink-https').textContent).toContain(
      'Dinky 1.0/1.1 always calls Flink over http://'
    )
    expect(screen.queryByTestId('flink-lost')).toBeNull()
  })

  it('names it in Chinese (zh-CN)', () => {
    renderConsole(<FlinkLostNotice detail={detail(true)} />, { language: 'zh-CN' })
    expect(screen.getByTestId('flink-https').textContent).toContain(
      '此版本 Dinky 无法访问 https:// 的 Flink'
    )
  })

  it('keeps the plain lost-Flink notice otherwise', () => {
    renderConsole(<FlinkLostNotice detail={detail(false)} />)
    expect(screen.getByTestId('flink-lost')).toBeTruthy()
    expect(screen.queryByTestId('flink-https')).toBeNull()
  })
})
