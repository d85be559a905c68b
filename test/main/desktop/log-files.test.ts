import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLogFiles } from '../../../src/main/desktop/log-files'
import { createLineLogger } from '../../../src/main/core/logger'

describe('log files', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dinky-logs-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('writes the logger’s lines, redacted, to main.log', () => {
    const files = createLogFiles(dir)
    const logger = createLineLogger((line, level) => files.write(line, level), {
      now: () => Date.UTC(2026, 0, 1)
    })
    logger.info('session open', { profile: 'demo', password: 'dinky123!@#' })
    logger.warn('request failed', { url: 'http://dinky/api?satoken=abcdef' })
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toBe(
      '2026-01-01T00:00:00.000Z INFO session open profile="demo" password=[redacted]\n' +
        '2026-01-01T00:00:00.000Z WARN request failed url="http://dinky/api?satoken=[redacted]"\n'
    )
  })

  it('rotates at the size cap and keeps a bounded number of files', () => {
    const files = createLogFiles(dir, { maxBytes: 2_000, keep: 2 })
    for (let i = 0; i < 400; i++) files.write(`line ${i} ${'x'.repeat(40)}`, 'info')
    expect(readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log'])
    for (const name of readdirSync(dir)) {
      expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(2_000 + 60)
    }
    // The newest lines are in main.log, in order.
    expect(readFileSync(join(dir, 'main.log'), 'utf8').trimEnd().split('\n').at(-1)).toMatch(
      /^line 399 /
    )
  })

  it('tails the last lines across the rotation boundary', () => {
    const files = createLogFiles(dir, { maxBytes: 500, keep: 1 })
    for (let i = 0; i < 30; i++) files.write(`entry ${i} ${'y'.repeat(30)}`, 'info')
    const tail = files.tail(15)
    expect(tail).toHaveLength(15)
    expect(tail.map((line) => Number(line.split(' ')[1]))).toEqual(
      Array.from({ length: 15 }, (_, i) => 15 + i)
    )
  })

  it('tails nothing when nothing was logged', () => {
    expect(createLogFiles(dir).tail(10)).toEqual([])
  })
})
