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

  it('never goes back to an older run: a replaced key, an earlier start, an answer the stream overtook', () => {
    const at = (key: string, log: string, startTime: string) => ({
      ...running(key, log),
      startTime
    })
    const follower = new ConsoleLogFollower({ logger: silentLogger })
    follower.accept(P, at('a', 'a1\n', '2024-08-27T10:00:00+08:00'))
    expect(lines(follower.accept(P, at('b', 'b1\nb2\n', '2024-08-27T10:05:00+08:00')))).toEqual([
      'b1',
      'b2'
    ])
    // Run `a` was replaced: neither a late push nor a late read of it is a new run.
    expect(follower.accept(P, at('a', 'a1\na2\n', '2024-08-27T10:00:00+08:00'))).toEqual([])
    expect(follower.acceptFetched(P, at('a', 'a1\na2\n', '2024-08-27T10:00:00+08:00'))).toEqual([])
    // A run never seen, but started before the one shown.
    expect(follower.acceptFetched(P, at('z', 'z1\n', '2024-08-27T09:00:00+08:00'))).toEqual([])
    // A read begun before pushes landed, answering another run (same second: the mark tells).
    const mark = follower.mark(P)
    follower.accept(P, at('b', 'b1\nb2\nb3\n', '2024-08-27T10:05:00+08:00'))
    expect(follower.acceptFetched(P, at('y', 'y1\n', '2024-08-27T10:05:00+08:00'), mark)).toEqual(
      []
    )
    expect(
      lines(follower.accept(P, at('b', 'b1\nb2\nb3\nb4\n', '2024-08-27T10:05:00+08:00')))
    ).toEqual(['b4'])
    // A later run read over REST with nothing pushed meanwhile is taken.
    expect(
      lines(
        follower.acceptFetched(P, at('c', 'c1\n', '2024-08-27T10:09:00+08:00'), follower.mark(P))
      )
    ).toEqual(['c1'])
  })

  it('takes a REST read of a new run whole', () => {
    const follower = new ConsoleLogFollower({ logger: silentLogger })
    follower.accept(P, ended('old', 'x\ny\n'))
    expect(lines(follower.acceptFetched(P, running('new', 'z\n')))).toEqual(['z'])
  })
})
