import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/simulator/index'
import { getJson, login, postJson, TEST_OPTIONS, type Json } from './helpers'

/** A controllable clock: the world's checkpoints follow it. */
function clock(start = Date.UTC(2026, 10, 30, 2, 0, 0)) {
  let at = start
  return { now: () => at, advance: (ms: number) => (at += ms) }
}

describe('REST job detail: refreshJobInfoDetail, Flink logs, savepoints, alerts, versions', () => {
  let sim: Simulator
  let token: string
  const time = clock()
  beforeEach(async () => {
    sim = await startSimulator({ ...TEST_OPTIONS, now: time.now })
    token = await login(sim)
  })
  afterEach(() => sim.close())

  const runningInstance = () => {
    const instance = sim.control.world.latestInstances().find((i) => i.status === 'RUNNING')
    if (!instance) throw new Error('no running instance in the seeded world')
    return instance
  }
  const detail = async (id: number): Promise<Json> => {
    const res = await getJson(
      sim,
      token,
      `/api/jobInstance/refreshJobInfoDetail?id=${id}&isForce=false`
    )
    expect(res.status).toBe(200)
    expect(Object.keys(res.body)).toEqual(['data', 'code', 'msg', 'time', 'success'])
    expect(res.body.code).toBe(0)
    return res.body.data
  }

  it("serves JobInfoDetail with Flink's job, checkpoints, config and exceptions shapes", async () => {
    const instance = runningInstance()
    const data = await detail(instance.id)
    expect(Object.keys(data)).toEqual([
      'id',
      'instance',
      'clusterInstance',
      'clusterConfiguration',
      'history',
      'jobDataDto'
    ])
    const dto = data.jobDataDto
    expect(Object.keys(dto)).toEqual([
      'id',
      'tenantId',
      'job',
      'exceptions',
      'checkpoints',
      'checkpointsConfig',
      'config',
      'cluster',
      'clusterConfiguration',
      'error',
      'errorMsg'
    ])
    expect(dto.job.vertices.length).toBeGreaterThan(0)
    expect(Object.keys(dto.job.vertices[0].metrics)).toContain('read-records')
    expect(dto.job.plan.nodes[0].backpressure).toMatchObject({
      status: 'ok',
      backpressureLevel: 'ok'
    })
    expect(Object.keys(dto.job.plan.nodes[0].backpressure.subtasks[0])).toEqual([
      'subtask',
      'backpressureLevel',
      'ratio',
      'idleRatio',
      'busyRatio'
    ])
    expect(Object.keys(dto.checkpoints)).toEqual(['counts', 'summary', 'latest', 'history'])
    expect(Object.keys(dto.checkpoints.counts)).toEqual([
      'restored',
      'total',
      'in_progress',
      'completed',
      'failed'
    ])
    expect(Object.keys(dto.checkpoints.latest)).toEqual([
      'completed',
      'savepoint',
      'failed',
      'restored'
    ])
    expect(dto.checkpointsConfig).toMatchObject({ mode: 'exactly_once', interval: 10_000 })
    expect(Object.keys(dto.exceptions)).toEqual([
      'all-exceptions',
      'root-exception',
      'timestamp',
      'truncated',
      'exceptionHistory'
    ])
    expect(dto.config['execution-config']['restart-strategy']).toMatch(/restart/i)
  })

  it('advances checkpoints on the interval with growing state, and fails them on demand', async () => {
    const instance = runningInstance()
    const first = (await detail(instance.id)).jobDataDto.checkpoints
    time.advance(30_000)
    const later = (await detail(instance.id)).jobDataDto.checkpoints
    expect(later.counts.completed).toBe(first.counts.completed + 3)
    expect(later.latest.completed.state_size).toBeGreaterThan(first.latest.completed.state_size)
    expect(later.latest.completed.external_path).toMatch(
      /^hdfs:\/\/\/flink\/checkpoints\/.+\/chk-\d+$/
    )
    sim.control.jobHealth.failCheckpoints(instance.taskId)
    time.advance(20_000)
    const failing = (await detail(instance.id)).jobDataDto.checkpoints
    expect(failing.counts.failed).toBe(later.counts.failed + 2)
    expect(failing.counts.completed).toBe(later.counts.completed)
    expect(failing.latest.failed).toMatchObject({
      status: 'FAILED',
      failure_message: 'Checkpoint expired before completing.'
    })
    expect(failing.history[0].status).toBe('FAILED')
    const alerts = await getJson(sim, token, `/api/alertHistory/list?jobInstanceId=${instance.id}`)
    expect(alerts.body.data).toHaveLength(1)
    expect(Object.keys(alerts.body.data[0])).toEqual([
      'id',
      'tenantId',
      'alertGroupId',
      'alertGroup',
      'jobInstanceId',
      'title',
      'content',
      'status',
      'log',
      'createTime',
      'updateTime'
    ])
    expect(alerts.body.data[0].content).toContain('**Job Name :**')
  })

  it('marks a vertex HIGH under backpressure and its downstream vertex busy', async () => {
    const instance = runningInstance()
    sim.control.jobHealth.backpressure(instance.taskId, 0)
    // Flink's order: sink, calc, source. A source measures no busy time ("NaN").
    const [sink, calc, source] = (await detail(instance.id)).jobDataDto.job.plan.nodes
    expect(source.backpressure.backpressureLevel).toBe('high')
    expect(source.backpressure.subtasks[0].busyRatio).toBe('NaN')
    expect(calc.backpressure.subtasks[0].busyRatio).toBeGreaterThan(0.9)
    expect(sink.backpressure.backpressureLevel).toBe('ok')
  })

  it('turns jobs RECONNECTING while Flink is unreachable, UNKNOWN after a minute, keeping the last parts', async () => {
    const instance = runningInstance()
    const before = (await detail(instance.id)).jobDataDto
    sim.control.jobHealth.setFlinkReachable(instance.clusterId, false)
    time.advance(20_000)
    const lost = await detail(instance.id)
    expect(lost.instance.status).toBe('RECONNECTING')
    expect(lost.jobDataDto.error).toBe(true)
    expect(lost.jobDataDto.errorMsg).toMatch(/ConnectException/)
    expect(lost.jobDataDto.checkpoints.counts.completed).toBe(before.checkpoints.counts.completed)
    time.advance(45_000)
    expect((await detail(instance.id)).instance.status).toBe('UNKNOWN')
    const log = await getJson(
      sim,
      token,
      `/api/jobInstance/getJobManagerLog?address=${encodeURIComponent(lost.clusterInstance.jobManagerHost)}`
    )
    expect(log.body.code).toBe(5)
  })

  it('gives a finished job null exceptions', async () => {
    const instance = sim.control.world.instances.find((i) => i.status === 'FINISHED')
    if (!instance) throw new Error('no finished instance in the seeded world')
    expect((await detail(instance.id)).jobDataDto.exceptions).toBeNull()
  })

  it('relays Flink logs with an empty msg: JobManager log grows, stdout, thread dump JSON, TaskManager log', async () => {
    const instance = runningInstance()
    const address = encodeURIComponent((await detail(instance.id)).clusterInstance.jobManagerHost)
    time.advance(10_000)
    sim.control.tick()
    const first = await getJson(sim, token, `/api/jobInstance/getJobManagerLog?address=${address}`)
    expect(first.body).toMatchObject({ code: 0, msg: '', success: true })
    time.advance(10_000)
    sim.control.tick()
    const second = await getJson(sim, token, `/api/jobInstance/getJobManagerLog?address=${address}`)
    expect(second.body.data.startsWith(first.body.data)).toBe(true)
    expect(second.body.data.length).toBeGreaterThan(first.body.data.length)
    expect(second.body.data).toMatch(
      /INFO {2}org\.apache\.flink\.runtime\.checkpoint\.CheckpointCoordinator \[\] - Completed checkpoint/
    )
    const stdout = await getJson(
      sim,
      token,
      `/api/jobInstance/getJobManagerStdOut?address=${address}`
    )
    expect(typeof stdout.body.data).toBe('string')
    const dump = await getJson(
      sim,
      token,
      `/api/jobInstance/getJobManagerThreadDump?address=${address}`
    )
    expect(JSON.parse(dump.body.data).threadInfos[0]).toHaveProperty('stringifiedThreadInfo')
    const tms = await getJson(sim, token, `/api/jobInstance/getTaskManagerList?address=${address}`)
    const containerId = encodeURIComponent(tms.body.data[0].containerId)
    const tmLog = await getJson(
      sim,
      token,
      `/api/jobInstance/getTaskManagerLog?address=${address}&containerId=${containerId}`
    )
    expect(tmLog.body.data).toMatch(/TaskExecutor/)
  })

  it('lists savepoints in a ProTableResult and restarts from a checkpoint path, restored', async () => {
    const instance = runningInstance()
    await getJson(sim, token, `/api/task/savepoint?taskId=${instance.taskId}&savePointType=trigger`)
    const list = await postJson(sim, token, '/api/savepoints', {
      taskId: instance.taskId,
      current: 1,
      pageSize: 10
    })
    expect(Object.keys(list.body)).toEqual(['total', 'success', 'current', 'pageSize', 'data'])
    expect(Object.keys(list.body.data[0])).toEqual([
      'id',
      'tenantId',
      'taskId',
      'name',
      'type',
      'path',
      'createTime',
      'creator'
    ])
    const path = (await detail(instance.id)).jobDataDto.checkpoints.latest.completed.external_path
    const restart = await getJson(
      sim,
      token,
      `/api/task/restartTask?id=${instance.taskId}&savePointPath=${encodeURIComponent(path)}`
    )
    expect(restart.body.code).toBe(0)
    const restored = (await detail(restart.body.data.jobInstanceId)).jobDataDto.checkpoints
    expect(restored.counts.restored).toBe(1)
    expect(restored.latest.restored).toMatchObject({ external_path: path, is_savepoint: false })
  })

  it('lists task versions, the newest being the current statement', async () => {
    const res = await getJson(sim, token, '/api/task/version?taskId=1')
    expect(Object.keys(res.body.data[0])).toEqual([
      'id',
      'taskId',
      'name',
      'dialect',
      'type',
      'statement',
      'versionId',
      'createTime'
    ])
    expect(res.body.data[0].createTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)
    expect(res.body.data[0].statement).toBe(sim.control.world.task(1)?.statement)
  })

  it('drives the faults over /__sim/health', async () => {
    const instance = runningInstance()
    const res = await fetch(
      `${sim.url}/__sim/health/backpressure?taskId=${instance.taskId}&vertex=1`,
      { method: 'POST' }
    )
    expect(await res.json()).toEqual({ ok: true })
    expect(
      (await detail(instance.id)).jobDataDto.job.plan.nodes[1].backpressure.backpressureLevel
    ).toBe('high')
    const bad = await fetch(`${sim.url}/__sim/health/flink?clusterId=99&reachable=false`, {
      method: 'POST'
    })
    expect(bad.status).toBe(400)
  })
})
