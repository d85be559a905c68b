/**
 * The fan-out attaches each session it opens to the sink's `attach` (the alert center, issue 22) and calls the
 * returned detach when the session closes or is replaced, so the center never watches a dead session.
 */
import { describe, expect, it } from 'vitest'
import { withFanout } from '../../../src/main/electron/session-fanout'
import type { SessionHandle, SessionManager } from '../../../src/main/core/session/session-api'
import { createServerProfile } from '../../../src/shared/profiles'

function fakeManager(): SessionManager {
  const open = new Map<string, SessionHandle>()
  return {
    async open(profile) {
      const session = {
        profileId: profile.id,
        snapshot: () => ({ streams: {} }),
        subscribe: () => () => undefined
      } as unknown as SessionHandle
      open.set(profile.id, session)
      return session
    },
    get: (id) => open.get(id),
    all: () => [...open.values()],
    close: async (id) => void open.delete(id),
    test: async () => ({}) as never,
    closeAll: async () => open.clear()
  }
}

describe('session fan-out', () => {
  it('attaches each opened session and detaches it when it closes or is replaced', async () => {
    const log: string[] = []
    let opened = 0
    const { manager } = withFanout(fakeManager(), {
      envelope: () => undefined,
      statesChanged: () => undefined,
      attach: (session) => {
        const n = ++opened
        log.push(`attach ${session.profileId} #${n}`)
        return () => log.push(`detach ${session.profileId} #${n}`)
      }
    })
    const profile = createServerProfile({ id: 'p', name: 'Prod', url: 'http://dinky:8888' })
    await manager.open(profile)
    await manager.open(profile)
    await manager.close('p')
    await manager.open(profile)
    await manager.closeAll()
    expect(log).toEqual([
      'attach p #1',
      'detach p #1',
      'attach p #2',
      'detach p #2',
      'attach p #3',
      'detach p #3'
    ])
  })
})
