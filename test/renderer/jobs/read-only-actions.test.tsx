/**
 * Read-only servers in the renderer (issue 23): the job actions are disabled and say why, the server carries its
 * tag in the switcher, and the profile form's switch sends the flag to main. The same server without the flag keeps
 * its buttons, so the test can tell the flag from a server that is merely not live.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { JobActions } from '../../../src/renderer/src/features/jobs/JobActions'
import { ServerSwitcher } from '../../../src/renderer/src/features/connection/ServerSwitcher'
import { ProfileFormModal } from '../../../src/renderer/src/features/settings/ProfileFormModal'
import { CheckpointsTab } from '../../../src/renderer/src/features/job-health/CheckpointsTab'
import type { CheckpointEntry, JobHealthDetail } from '../../../src/shared/job-health'
import { MetricPicker } from '../../../src/renderer/src/features/metrics/MetricPicker'
import type { JobMetricsView } from '../../../src/shared/metrics'
import { createServerProfile, type ServerProfile } from '../../../src/shared/profiles'
import { demoStore, renderConsole } from '../render-console'
import { PROFILES } from '../preview/demo-world'

afterEach(cleanup)

const READ_ONLY = 'Read-only server: actions are disabled in its profile'

/** The demo world's store with `prod` (the selected, live server) read-only or not. */
function storeWith(readOnly: boolean) {
  const store = demoStore()
  const profiles = PROFILES.map((p) => (p.id === 'prod' ? { ...p, readOnly } : p))
  store.getState().setProfiles({ profiles, selectedId: 'prod', withPassword: [] })
  return store
}

function runningJob(store: ReturnType<typeof demoStore>) {
  return store.getState().jobs.prod!.value.find((job) => job.status === 'RUNNING')!
}

const actionButtons = () =>
  ['action-cancel', 'action-restart', 'action-savepoint'].map((id) => screen.getByTestId(id))

/** A running job's health with one completed checkpoint to restore from. */
function withCheckpoint(store: ReturnType<typeof demoStore>) {
  const job = runningJob(store)
  const entry: CheckpointEntry = {
    id: 7,
    status: 'COMPLETED',
    isSavepoint: false,
    triggerAt: Date.now() - 2_000,
    ackAt: Date.now() - 1_000,
    stateSize: 1_024,
    checkpointedSize: 1_024,
    durationMs: 120,
    numSubtasks: 2,
    numAcknowledged: 2,
    externalPath: 'file:///checkpoints/chk-7',
    failureMessage: null
  }
  const value: JobHealthDetail = {
    instanceId: job.id,
    taskId: job.taskId,
    name: job.name,
    status: 'RUNNING',
    jid: job.jid,
    clusterName: 'prod',
    jobManagerAddress: 'flink:8081',
    flinkLost: false,
    errorMsg: null,
    startTime: null,
    durationMs: null,
    parallelism: null,
    restartStrategy: null,
    executionMode: null,
    vertices: [],
    checkpoints: {
      total: 1,
      completed: 1,
      failed: 0,
      inProgress: 0,
      restored: 0,
      latestCompleted: entry,
      latestSavepoint: null,
      latestFailed: null,
      restoredFrom: null,
      history: [entry]
    },
    checkpointConfig: null,
    exceptions: null
  }
  store.getState().setHealthDetail('prod', { value, asOf: Date.now(), stale: false })
  return job.id
}

describe('a read-only server in the UI', () => {
  it('disables every job action and says why', () => {
    const store = storeWith(true)
    renderConsole(<JobActions job={runningJob(store)} />, { store })
    for (const button of actionButtons()) expect((button as HTMLButtonElement).disabled).toBe(true)
    expect(screen.getByTestId('read-only-note').textContent).toBe(READ_ONLY)
  })

  it('keeps the actions of the same live server without the flag', () => {
    const store = storeWith(false)
    renderConsole(<JobActions job={runningJob(store)} />, { store })
    for (const button of actionButtons()) expect((button as HTMLButtonElement).disabled).toBe(false)
    expect(screen.queryByTestId('read-only-note')).toBeNull()
  })

  it('says it in Chinese too', () => {
    const store = storeWith(true)
    renderConsole(<JobActions job={runningJob(store)} />, { store, language: 'zh-CN' })
    expect(screen.getByTestId('read-only-note').textContent).toBe(
      '只读服务器：已在其配置中禁用操作'
    )
  })

  it('disables restoring from a checkpoint, and keeps it without the flag', () => {
    const store = storeWith(true)
    renderConsole(<CheckpointsTab instanceId={withCheckpoint(store)} />, { store })
    const restores = () => ['restart-latest', 'restore-here'].map((id) => screen.getByTestId(id))
    for (const button of restores()) expect((button as HTMLButtonElement).disabled).toBe(true)
    expect(screen.getByTestId('read-only-note').textContent).toBe(READ_ONLY)
    cleanup()
    const writable = storeWith(false)
    renderConsole(<CheckpointsTab instanceId={withCheckpoint(writable)} />, { store: writable })
    for (const button of restores()) expect((button as HTMLButtonElement).disabled).toBe(false)
  })

  it('lets the metrics be browsed but not saved as a layout', async () => {
    const store = storeWith(true)
    const job = runningJob(store)
    const vertex = 'cbc357ccb763df2852fee8c4fc7d55f2'
    const view: JobMetricsView = {
      jid: job.jid!,
      points: [],
      outages: [],
      lastSampleAt: null,
      intervalMs: 5_000,
      diagnosis: 'ok',
      layout: {
        name: 'orders',
        taskId: job.taskId,
        entries: [{ vertex, vertexTitle: 'Source: Kafka', metric: 'rate' }]
      },
      stale: false,
      asOf: null
    }
    renderConsole(<MetricPicker job={job} address="flink:8081" view={view} onClose={() => {}} />, {
      store,
      handlers: { 'metrics:items': () => ['rate', 'lag'] }
    })
    await screen.findByText('lag')
    expect(screen.getByTestId('read-only-note').textContent).toContain(READ_ONLY)
    const save = screen.getByText('Save').closest('button')!
    expect(save.disabled).toBe(true)
  })

  it('tags the server beside its name in the switcher', () => {
    renderConsole(<ServerSwitcher />, { store: storeWith(true) })
    expect(screen.getByTestId('read-only-tag').textContent).toContain('Read-only')
    cleanup()
    renderConsole(<ServerSwitcher />, { store: storeWith(false) })
    expect(screen.queryByTestId('read-only-tag')).toBeNull()
  })

  it("sends the profile form's switch to main", async () => {
    const profile = createServerProfile({ id: 'p1', name: 'Prod', url: 'http://dinky:8888' })
    const { fake } = renderConsole(<ProfileFormModal profile={profile} onClose={() => {}} />, {
      handlers: {
        'profiles:save': async () => ({ profiles: [], selectedId: 'p1', withPassword: [] })
      }
    })
    expect(screen.getByText(/Watch only: the console never cancels/)).toBeTruthy()
    fireEvent.click(screen.getByTestId('profile-read-only'))
    fireEvent.click(screen.getByTestId('profile-save'))
    await waitFor(() => expect(fake.callsTo('profiles:save')).toHaveLength(1))
    const sent = fake.callsTo('profiles:save')[0] as { profile: ServerProfile }
    expect(sent.profile.readOnly).toBe(true)
  })
})
