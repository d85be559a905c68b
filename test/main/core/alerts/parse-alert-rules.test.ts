import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_ALERT_RULES } from '../../../../src/shared/alerts'
import {
  AlertRulesError,
  parseAlertRules
} from '../../../../src/main/core/alerts/parse-alert-rules'
import { readAlertRulesFile } from '../../../../src/main/core/alerts/alert-rules-file'

const ISSUE_EXAMPLE = {
  rules: [
    { id: 'failed', kind: 'job-status', statuses: ['FAILED'], job: '*' },
    { id: 'cp', kind: 'checkpoint-failures', atLeast: 3, withinMinutes: 10 },
    { id: 'lag', kind: 'metric', metric: 'pendingRecords', op: '>', value: 100000, forSamples: 3 },
    { id: 'down', kind: 'server-stale', minutes: 5 }
  ],
  silences: [{ job: 'backfill_*', until: '2026-12-24T00:00:00Z' }]
}

/** The message of what `parseAlertRules` throws for `rules` (and silences). */
function problem(rules: unknown[], silences: unknown[] = []): string {
  try {
    parseAlertRules({ rules, silences })
  } catch (error) {
    expect(error).toBeInstanceOf(AlertRulesError)
    return (error as Error).message
  }
  throw new Error('the document was accepted')
}

describe('parseAlertRules', () => {
  it("accepts the issue's example and the defaults as they are", () => {
    expect(parseAlertRules(ISSUE_EXAMPLE)).toEqual(ISSUE_EXAMPLE)
    expect(parseAlertRules(JSON.parse(JSON.stringify(DEFAULT_ALERT_RULES)))).toEqual(
      DEFAULT_ALERT_RULES
    )
  })

  it('accepts fractions of minutes and every kind with its optional fields', () => {
    const doc = parseAlertRules({
      rules: [
        { id: 'a', kind: 'server-stale', minutes: 0.5, severity: 'critical', repeatMinutes: 0.25 },
        { id: 'b', kind: 'restarts', atLeast: 1, withinMinutes: 1.5, server: 'prod*', name: 'B' },
        { id: 'c', kind: 'no-checkpoint', intervals: 2.5, enabled: false },
        { id: 'd', kind: 'no-checkpoint', minutes: 5, repeatMinutes: null },
        { id: 'e', kind: 'backpressure', minutes: 0.1, job: 'etl_??' },
        { id: 'f', kind: 'metric', metric: 'x', op: '<', value: -1.5, forSamples: 2, vertex: 'v1' }
      ]
    })
    expect(doc.rules.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
    expect(doc.silences).toEqual([])
  })

  it('names the rule (id and 1-based index) and the field', () => {
    const ok = { id: 'ok', kind: 'server-stale', minutes: 1 }
    expect(
      problem([ok, { id: 'cp', kind: 'checkpoint-failures', atLeast: 0, withinMinutes: 1 }])
    ).toBe('rule "cp" (#2): atLeast must be a positive whole number')
    expect(problem([{ id: 'cp', kind: 'restarts', atLeast: 2.5, withinMinutes: 1 }])).toBe(
      'rule "cp" (#1): atLeast must be a positive whole number'
    )
    expect(problem([{ id: 'w', kind: 'restarts', atLeast: 2, withinMinutes: '10' }])).toBe(
      'rule "w" (#1): withinMinutes must be a positive number'
    )
    expect(problem([{ id: 'w', kind: 'backpressure', minutes: Infinity }])).toMatch(
      /rule "w" \(#1\): minutes must be a positive number/
    )
    expect(problem([{ id: 'w', kind: 'backpressure', minutes: -1 }])).toMatch(/minutes must be a/)
    expect(problem([{ kind: 'backpressure', minutes: 1 }])).toBe(
      'rule #1: id must be a non-empty string of at most 100 characters'
    )
    expect(problem([{ id: 'k', kind: 'flapping' }])).toMatch(
      /^rule "k" \(#1\): kind must be one of job-status/
    )
    expect(problem([{ id: 's', kind: 'job-status', statuses: ['FAILED', 'BROKEN'] }])).toMatch(
      /^rule "s" \(#1\): statuses: "BROKEN" is not one of INITIALIZING/
    )
    expect(problem([{ id: 's', kind: 'job-status', statuses: [] }])).toMatch(
      /statuses must be a non-empty/
    )
    expect(
      problem([{ id: 'm', kind: 'metric', metric: 'x', op: '>=', value: 1, forSamples: 1 }])
    ).toBe('rule "m" (#1): op must be one of >, <')
    expect(problem([{ id: 'n', kind: 'no-checkpoint' }])).toBe(
      'rule "n" (#1): give exactly one of minutes and intervals'
    )
    expect(problem([{ id: 'r', kind: 'server-stale', minutes: 1, repeatMinutes: 0 }])).toMatch(
      /rule "r" \(#1\): repeatMinutes must be a positive number/
    )
    expect(problem([{ id: 'e', kind: 'server-stale', minutes: 1, enabled: 'yes' }])).toBe(
      'rule "e" (#1): enabled must be true or false'
    )
    expect(problem([{ id: 'v', kind: 'server-stale', minutes: 1, severity: 'fatal' }])).toMatch(
      /severity must be one of critical, warning, info/
    )
  })

  it('rejects unknown fields (a typo is not a rule that never fires) and duplicate ids', () => {
    expect(problem([{ id: 't', kind: 'restarts', atLeast: 2, withinMinute: 10 }])).toMatch(
      /^rule "t" \(#1\): unknown field "withinMinute"/
    )
    expect(
      problem([
        { id: 'x', kind: 'server-stale', minutes: 1 },
        { id: 'x', kind: 'server-stale', minutes: 2 }
      ])
    ).toBe('rule "x" (#2): id is used by an earlier rule')
    expect(() => parseAlertRules({ rules: [], silence: [] })).toThrow(/unknown field "silence"/)
    expect(() => parseAlertRules([])).toThrow(AlertRulesError)
    expect(() => parseAlertRules({ rules: {} })).toThrow('rules must be an array')
  })

  it('checks silences: ISO times with a zone, from before until, rule ids that exist', () => {
    const rule = { id: 'down', kind: 'server-stale', minutes: 5 }
    expect(problem([rule], [{ until: 'tomorrow' }])).toMatch(
      /^silence #1: until must be an ISO-8601 time with a zone/
    )
    expect(problem([rule], [{ until: '2026-12-24T00:00:00' }])).toMatch(/until must be an ISO/)
    expect(problem([rule], [{ id: 'm', until: '2026-13-45T00:00:00Z' }])).toMatch(
      /^silence "m" \(#1\): until must be/
    )
    expect(problem([rule], [{ rule: 'nope', until: '2026-12-24T00:00:00Z' }])).toBe(
      'silence #1: rule "nope" is not the id of a rule'
    )
    expect(
      problem([rule], [{ from: '2026-12-25T00:00:00Z', until: '2026-12-24T00:00:00+08:00' }])
    ).toBe('silence #1: from must be before until')
    expect(problem([rule], [{ until: '2026-12-24T00:00:00Z', reason: 'x' }])).toMatch(
      /silence #1: unknown field "reason"/
    )
    const ok = parseAlertRules({
      rules: [rule],
      silences: [{ id: 'maint', server: 'prod', rule: 'down', until: '2026-12-24', comment: 'x' }]
    })
    expect(ok.silences).toHaveLength(1)
  })
})

describe('readAlertRulesFile', () => {
  let dir: string

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'alert-rules-'))
  })

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('reads a file, and prefixes every problem with its path', async () => {
    const good = join(dir, 'good.json')
    await writeFile(good, JSON.stringify(ISSUE_EXAMPLE))
    expect(await readAlertRulesFile(good)).toEqual(ISSUE_EXAMPLE)

    const bad = join(dir, 'bad.json')
    await writeFile(
      bad,
      JSON.stringify({ rules: [{ id: 'cp', kind: 'restarts', atLeast: 0, withinMinutes: 1 }] })
    )
    await expect(readAlertRulesFile(bad)).rejects.toThrow(
      `${bad}: rule "cp" (#1): atLeast must be a positive whole number`
    )
    const notJson = join(dir, 'not.json')
    await writeFile(notJson, '{"rules": [')
    await expect(readAlertRulesFile(notJson)).rejects.toThrow(new RegExp(`^${notJson}: not JSON`))
    await expect(readAlertRulesFile(join(dir, 'missing.json'))).rejects.toThrow(
      /cannot be read \(ENOENT\)/
    )
  })
})
