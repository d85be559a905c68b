/**
 * The log follower fed from both paths: a `getProcess` answer can arrive after stream events that were sent after
 * it; within one run it must then add nothing and never look like a rewritten log.
 */
import { describe, expect, it } from 'vitest'
import { silentLogger } from '../../../../src/main/core/logger'
import { ConsoleLogFollower } from '../../../../src/main/core/sync/console-log-follower'

const P = 'FlinkSubmit/1'
const running = (key: string, log: string) => ({ key, log, status: 'RUNNING', endTime: null })
const ended = (key: string, log: string) => ({ key, log, status: 'FINISHED', endTime: '2024' })
const lines = (chunks: Array<{ run: string; lines: string[] }>) => chunks.flatMap((c) => c.lines)

describe('ConsoleLogFollower, stream and REST together', () => {
  it('ignores a REST read overtaken by the stream, and takes the new lines of a newer one', () => {
    const follower = new ConsoleLogFollower({ logger: silentLogger })
    expect(lines(follower.accept(P, running('k', 'a\nb\nc\n')))).toEqual(['a', 'b', 'c'])
    expect(follower.acceptFetched(P, running('k', 'a\nb\n'))).toEqual([])
    const newer = follower.acceptFetched(P, running('k', 'a\nb\nc\nd\n'))
    expect(newer).toEqual([{ process: P, run: 'k', lines: ['d'], stale: false }])
    // The stream's own next event continues after the REST read, without a restart.
    expect(follower.accept(P, running('k', 'a\nb\nc\nd\ne\n'))[0]).toMatchObject({
      run: 'k',
      lines: ['e']
    })
  })

  it('completes a held-back last line from a REST read of the ended run, then ignores later reads', () => {
    const follower = new ConsoleLogFollower({ logger: silentLogger })
    expect(lines(follower.accept(P, running('k', 'a\nlast')))).toEqual(['a'])
    expect(lines(follower.acceptFetched(P, ended('k', 'a\nlast')))).toEqual(['last'])
    expect(follower.isRunning(P)).toBe(false)
    expect(follower.acceptFetched(P, running('k', 'a\n'))).toEqual([])
    expect(follower.isRunning(P)).toBe(false)
  })

  it('takes a REST read of a new run whole', () => {
    const follower = new ConsoleLogFollower({ logger: silentLogger })
    follower.accept(P, ended('old', 'x\ny\n'))
    expect(lines(follower.acceptFetched(P, running('new', 'z\n')))).toEqual(['z'])
  })
})
