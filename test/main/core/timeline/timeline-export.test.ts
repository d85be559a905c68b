import { describe, expect, it } from 'vitest'
import {
  csvField,
  timelineCsv,
  timelineJsonLines
} from '../../../../src/main/core/timeline/timeline-export'
import type { TimelineEvent } from '../../../../src/shared/timeline'

const AT = Date.UTC(2026, 11, 7, 10, 0, 0)
const common = { profileId: 'p', jobId: 7, taskId: 70, jobName: 'orders' }

const events: TimelineEvent[] = [
  { ...common, id: `${AT}-1`, at: AT, kind: 'status', from: 'RUNNING', to: 'FAILED' },
  {
    ...common,
    id: `${AT}-2`,
    at: AT,
    kind: 'action',
    action: 'stop',
    ok: false,
    message: 'refused, "busy"\nretry later'
  },
  {
    ...common,
    id: `${AT}-3`,
    at: AT,
    jobName: '=HYPERLINK("http://evil","x")',
    kind: 'checkpoint-failures',
    count: 3,
    until: AT + 60_000,
    message: '@SUM(A1)'
  },
  {
    id: `${AT}-4`,
    at: AT,
    profileId: 'p',
    jobId: null,
    taskId: null,
    jobName: null,
    kind: 'gap',
    reason: 'console-closed',
    until: null
  }
]

describe('timeline export', () => {
  it('writes a header row and one CRLF row per event, RFC 4180 quoted', () => {
    const csv = timelineCsv(events)
    const rows = csv.split('\r\n')
    expect(rows[0]).toBe(
      'id,at,until,kind,profileId,jobId,taskId,jobName,from,to,count,total,reason,action,ok,state,rule,severity,path,checkpointId,message'
    )
    expect(rows.at(-1)).toBe('')
    expect(rows[1]).toBe(
      `${AT}-1,2026-12-07T10:00:00.000Z,,status,p,7,70,orders,RUNNING,FAILED,,,,,,,,,,,`
    )
    expect(csv).toContain(',stop,false,,,,,,"refused, ""busy""\nretry later"\r\n')
    expect(rows.at(-2)).toBe(
      `${AT}-4,2026-12-07T10:00:00.000Z,,gap,p,,,,,,,,console-closed,,,,,,,,`
    )
  })

  it('makes a text cell that starts like a formula inert', () => {
    const csv = timelineCsv(events)
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`)
    expect(csv).toContain(",'@SUM(A1)")
    for (const start of ['=', '+', '-', '@']) expect(csvField(`${start}1`)).toBe(`'${start}1`)
    expect(csvField(-5)).toBe('-5')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField(null)).toBe('')
  })

  it('writes one {"type":"event"} JSON object per line', () => {
    const lines = timelineJsonLines(events).split('\n')
    expect(lines).toHaveLength(events.length + 1)
    const first = JSON.parse(lines[0]) as Record<string, unknown>
    expect(Object.keys(first).slice(0, 3)).toEqual(['type', 'at', 'kind'])
    expect(first).toEqual({ type: 'event', ...events[0] })
    expect(JSON.parse(lines[1])).toMatchObject({ message: 'refused, "busy"\nretry later' })
  })
})
