import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/simulator/index'
import { getJson, login, postJson, TEST_OPTIONS, readJson } from './helpers'

describe('REST job instances, clusters and task actions', () => {
  let sim: Simulator
  let token: string
  beforeEach(async () => {
    sim = await startSimulator(TEST_OPTIONS)
    token = await login(sim)
  })
  afterEach(() => sim.close())

  it('lists the latest instance per task in a ProTableResult, all instances with isHistory', async () => {
    const latest = await postJson(sim, token, '/api/jobInstance', { current: 1, pageSize: 100 })
    expect(Object.keys(latest.body)).toEqual(['total', 'success', 'current', 'pageSize', 'data'])
    expect(latest.body.total).toBe(12)
    expect(new Set(latest.body.data.map((row: { taskId: number }) => row.taskId)).size).toBe(12)
    expect(Object.keys(latest.body.data[0])).toEqual([
      'id',
      'name',
      'taskId',
      'step',
      'jid',
      'status',
      'type',
      'createTime',
      'updateTime',
      'finishTime',
      'duration',
      'failedRestartCount',
      'firstLevelOwner',
      'secondLevelOwners'
    ])
    const history = await postJson(sim, token, '/api/jobInstance', {
      current: 1,
      pageSize: 100,
      isHistory: true
    })
    expect(history.body.total).toBeGreaterThan(12)
    const page = await postJson(sim, token, '/api/jobInstance', {
      current: 2,
      pageSize: 5,
      sorter: { id: 'descend' }
    })
    expect(page.body.data).toHaveLength(5)
    expect(page.body.data[0].id).toBeGreaterThan(page.body.data[1].id)
    const filtered = await postJson(sim, token, '/api/jobInstance', { filter: { task_id: [3] } })
    expect(filtered.body.data.map((row: { taskId: number }) => row.taskId)).toEqual([3])
  })

  it('returns empty lists without the tenantId cookie', async () => {
    const res = await fetch(`${sim.url}/api/jobInstance`, {
      method: 'POST',
      headers: { token, 'Content-Type': 'application/json' },
      body: '{}'
    })
    expect((await readJson(res)).total).toBe(0)
  })

  it('counts statuses of latest instances, FAILING as failed', async () => {
    const { body } = await getJson(sim, token, '/api/jobInstance/getStatusCount')
    expect(body.data.all).toBe(12)
    const running = sim.control.world.latestInstances().filter((i) => i.status === 'RUNNING').length
    expect(body.data.running).toBe(running)
    expect(body.data.failing).toBe(0)
    expect(body.data.modelOverview.batchJobCount + body.data.modelOverview.streamingJobCount).toBe(
      12
    )
  })

  it('gives a failed job its Flink root-exception in getJobInfoDetail', async () => {
    sim.control.failJob(1)
    const failed = sim.control.world.latestOf(1)
    const { body } = await getJson(sim, token, `/api/jobInstance/getJobInfoDetail?id=${failed?.id}`)
    expect(body.data.instance.status).toBe('FAILED')
    expect(body.data.jobDataDto.exceptions['root-exception']).toContain('JobException')
    expect(body.data.clusterInstance).toMatchObject({ id: 1, status: 1 })
    expect(body.data.history.jobManagerAddress).toBe('10.20.1.11:8081')
  })

  it('cancels through CANCELLING to CANCELED on the next tick', async () => {
    const target = sim.control.world.latestInstances().find((i) => i.status === 'RUNNING')
    const res = await getJson(
      sim,
      token,
      `/api/task/cancel?id=${target?.taskId}&withSavePoint=false&forceCancel=false`
    )
    expect(res.body).toMatchObject({ code: 0, data: true })
    expect(sim.control.world.latestOf(target?.taskId ?? 0)?.status).toBe('CANCELLING')
    sim.control.tick()
    expect(sim.control.world.latestOf(target?.taskId ?? 0)?.status).toBe('CANCELED')
  })

  it('restarts a task as a new job instance and a new FlinkSubmit run with a new key', async () => {
    const before = await getJson(sim, token, '/api/process/getProcess?processName=FlinkSubmit/2')
    const oldInstance = sim.control.world.latestOf(2)
    const res = await getJson(sim, token, '/api/task/restartTask?id=2&savePointPath=')
    expect(res.body.code).toBe(0)
    const newInstance = sim.control.world.latestOf(2)
    expect(newInstance?.id).toBeGreaterThan(oldInstance?.id ?? 0)
    expect(res.body.data.jobInstanceId).toBe(newInstance?.id)
    const after = await getJson(sim, token, '/api/process/getProcess?processName=FlinkSubmit/2')
    expect(after.body.data.key).not.toBe(before.body.data.key)
    expect(after.body.data.status).toBe('RUNNING')
    const savepoint = await getJson(
      sim,
      token,
      '/api/task/savepoint?taskId=2&savePointType=trigger'
    )
    expect(savepoint.body.data.jobInfos[0].savePoint).toMatch(/^hdfs:\/\/\/flink\/savepoints\//)
  })

  it('lists manual or auto-registered clusters and their task managers', async () => {
    const manual = await getJson(sim, token, '/api/cluster/list?searchKeyWord=&isAutoCreate=false')
    expect(manual.body.data.map((c: { id: number }) => c.id)).toEqual([1, 2, 3])
    const auto = await getJson(sim, token, '/api/cluster/list?isAutoCreate=true')
    expect(auto.body.data.every((c: { autoRegisters: boolean }) => c.autoRegisters)).toBe(true)
    const tms = await getJson(
      sim,
      token,
      '/api/jobInstance/getTaskManagerList?address=10.20.1.11:8081'
    )
    expect(tms.body.data.length).toBeGreaterThanOrEqual(2)
    expect(JSON.parse(tms.body.data[0].hardware)).toMatchObject({ cpuCores: expect.any(Number) })
    sim.control.setClusterAvailable(1, false)
    const down = await getJson(sim, token, '/api/cluster/list')
    expect(down.body.data[0].status).toBe(0)
    const unreachable = await getJson(
      sim,
      token,
      '/api/jobInstance/getTaskManagerList?address=10.20.1.11:8081'
    )
    expect(unreachable.body).toMatchObject({ code: 5, success: false })
    const configs = await getJson(sim, token, '/api/clusterConfiguration/list?keyword=')
    expect(configs.body.data.length).toBe(3)
    const noKeyword = await fetch(`${sim.url}/api/clusterConfiguration/list`, {
      headers: { token, Cookie: 'tenantId=1' }
    })
    expect(await noKeyword.json()).toMatchObject({
      code: 5,
      msg: "Required request parameter 'keyword' for method parameter type String is not present"
    })
  })

  it('serves getSysInfo with jvm, cpu, mem and systemInfo', async () => {
    const { body } = await getJson(sim, token, '/api/system/getSysInfo')
    expect(Object.keys(body.data)).toEqual(['jvm', 'cpu', 'mem', 'systemInfo'])
  })
})
