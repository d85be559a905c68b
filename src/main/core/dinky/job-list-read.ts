/**
 * Reads Dinky's job list (`POST /api/jobInstance`, the latest instance of every task) page by page, newest first,
 * as one consistent list: the console's poll of every job, so at 2,000 jobs its size and its cost matter.
 */
import type { Job } from '../../../shared/models'
import type { DinkyHttp } from './dinky-http'
import * as map from './map-models'
import * as schema from './schemas'

/**
 * Rows per `/api/jobInstance` page. Dinky caps no page size (MyBatis-Plus's `PaginationInnerInterceptor` without a
 * `maxLimit`), and a poll of 2,000 jobs in 4 requests instead of 20 costs both sides less; a page stays near 200 kB.
 */
const JOB_PAGE_SIZE = 500
/** A guard against a server whose `total` never matches: 200 pages of 500 is far beyond any Dinky. */
const MAX_JOB_PAGES = 200
/** Reads of the whole list when it moved under the paging (see `jobs`); the last read is taken as it is. */
const JOB_LIST_READS = 3

/**
 * One read of the list, page by page. Between two pages Dinky may list a new instance on top (a restart) and drop
 * the task's old one: rows shift, one can repeat across a page boundary (kept once, by id) and the new one is on a
 * page already read. Fewer rows than the last `total` is that; `settled` says so.
 */
async function readJobPages(
  http: DinkyHttp,
  offsetMs: () => number
): Promise<{ jobs: Job[]; settled: boolean }> {
  const byId = new Map<number, Job>()
  let total = 0
  for (let current = 1; current <= MAX_JOB_PAGES; current++) {
    const page = await http.page('/api/jobInstance', schema.jobInstanceSchema, {
      method: 'POST',
      body: { current, pageSize: JOB_PAGE_SIZE, sorter: { id: 'descend' } }
    })
    total = page.total
    for (const row of page.rows) byId.set(row.id, map.toJob(row, offsetMs()))
    const lastPage = current * JOB_PAGE_SIZE >= total
    if (page.rows.length < JOB_PAGE_SIZE || byId.size >= total || lastPage) break
  }
  return { jobs: [...byId.values()], settled: byId.size >= total }
}

/** The latest instance of every task; read again (at most twice) when it moved under the paging. */
export async function readJobList(http: DinkyHttp, offsetMs: () => number): Promise<Job[]> {
  let read = await readJobPages(http, offsetMs)
  for (let again = 1; again < JOB_LIST_READS && !read.settled; again++)
    read = await readJobPages(http, offsetMs)
  return read.jobs
}
