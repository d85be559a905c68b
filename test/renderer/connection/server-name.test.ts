import { describe, expect, it } from 'vitest'
import { serverLabel } from '../../../src/renderer/src/features/connection/server-name'

describe('server names in the UI', () => {
  it('localises the built-in demo, marks a renamed one, and leaves real servers alone', () => {
    expect(serverLabel({ name: 'Demo', demo: true }, '演示', '演示服务器')).toBe('演示服务器')
    expect(serverLabel({ name: 'Playground', demo: true }, 'Demo', 'Demo server')).toBe(
      'Playground (Demo)'
    )
    expect(serverLabel({ name: 'Demo', demo: false }, 'Demo', 'Demo server')).toBe('Demo')
  })
})
