/**
 * The palette's recent items (issue 23): newest first, one copy each, bounded, kept in the renderer's storage across
 * restarts, and read back without trusting what is stored.
 */
import { describe, expect, it } from 'vitest'
import {
  addRecent,
  loadRecent,
  RECENT_LIMIT,
  RECENT_STORAGE_KEY,
  saveRecent,
  type RecentItem,
  type RecentStorage
} from '../../../src/renderer/src/features/palette/recent-items'

function memoryStorage(): RecentStorage & { map: Map<string, string> } {
  const map = new Map<string, string>()
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value)
  }
}

const job = (n: number, profileId = 'prod'): RecentItem => ({
  kind: 'job',
  profileId,
  jobId: n,
  name: `job_${n}`
})

describe('recent items', () => {
  it('puts the newest first, keeps one copy of each and at most RECENT_LIMIT', () => {
    let list: RecentItem[] = []
    for (let n = 0; n < RECENT_LIMIT + 5; n++) list = addRecent(list, job(n))
    expect(list).toHaveLength(RECENT_LIMIT)
    expect(list[0]).toEqual(job(RECENT_LIMIT + 4))
    list = addRecent(list, { kind: 'view', view: 'jobs' })
    list = addRecent(list, job(RECENT_LIMIT + 2))
    list = addRecent(list, { kind: 'view', view: 'jobs' })
    expect(list.slice(0, 2)).toEqual([{ kind: 'view', view: 'jobs' }, job(RECENT_LIMIT + 2)])
    expect(list.filter((item) => item.kind === 'view')).toHaveLength(1)
    // The same name on another server is another job; a restarted job (new id, same name) is the same one.
    list = addRecent(list, job(RECENT_LIMIT + 2, 'staging'))
    list = addRecent(list, { ...job(RECENT_LIMIT + 2), jobId: 99_999 } as RecentItem)
    expect(
      list.filter((item) => item.kind === 'job' && item.name === `job_${RECENT_LIMIT + 2}`)
    ).toHaveLength(2)
  })

  it('survives a restart through the storage', () => {
    const storage = memoryStorage()
    const list = addRecent(addRecent([], job(1)), { kind: 'view', view: 'clusters' })
    saveRecent(storage, list)
    expect(loadRecent(storage)).toEqual(list)
  })

  it('reads back nothing it cannot trust: bad JSON, unknown kinds and views, wrong types, huge text', () => {
    const storage = memoryStorage()
    const put = (value: string) => storage.map.set(RECENT_STORAGE_KEY, value)
    put('{not json')
    expect(loadRecent(storage)).toEqual([])
    put(JSON.stringify({ kind: 'view', view: 'jobs' }))
    expect(loadRecent(storage)).toEqual([])
    put(
      JSON.stringify([
        { kind: 'view', view: 'nowhere' },
        { kind: 'job', profileId: 'prod', jobId: '7', name: 'x' },
        { kind: 'script', src: 'x' },
        null,
        { kind: 'job', profileId: 'prod', jobId: 7, name: 'n'.repeat(5_000) },
        { kind: 'view', view: 'logs' }
      ])
    )
    const loaded = loadRecent(storage)
    expect(loaded.map((item) => item.kind)).toEqual(['job', 'view'])
    expect((loaded[0] as { name: string }).name.length).toBeLessThanOrEqual(300)
    put('[' + '{"kind":"view","view":"jobs"},'.repeat(10_000) + '{}]')
    expect(loadRecent(storage)).toEqual([])
    expect(loadRecent(undefined)).toEqual([])
  })

  it('loses only the list when the storage refuses to write', () => {
    const full: RecentStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError')
      }
    }
    expect(() => saveRecent(full, [job(1)])).not.toThrow()
  })
})
