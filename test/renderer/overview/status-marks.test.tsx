/**
 * Issue 23: a state is never told by colour alone. A cluster's availability on the Overview is a mark with its own
 * shape per state and a name in the UI's language (what a screen reader says), not a bare coloured dot.
 */
import { cleanup, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { StatusMark } from '../../../src/renderer/src/components/StatusMark'
import { ClusterHealthCard } from '../../../src/renderer/src/features/overview/ClusterHealthCard'
import { renderConsole } from '../render-console'

afterEach(cleanup)

/** The icon a mark draws (antd's svg carries its name). */
const shapeOf = (mark: HTMLElement) => mark.querySelector('svg')?.getAttribute('data-icon')

describe('status marks', () => {
  it('names each cluster state in English, with a shape per state', () => {
    renderConsole(<ClusterHealthCard />)
    const card = within(screen.getByTestId('cluster-health'))
    const available = card.getAllByRole('img', { name: 'Available' })
    const unavailable = card.getAllByRole('img', { name: 'Unavailable' })
    // The demo world's prod server: two clusters answer, the Kubernetes one does not.
    expect(available).toHaveLength(2)
    expect(unavailable).toHaveLength(1)
    expect(shapeOf(available[0]!)).not.toBe(shapeOf(unavailable[0]!))
    expect(unavailable[0]!.closest('li')?.textContent).toContain('K8s Native')
  })

  it('names them in Chinese', () => {
    renderConsole(<ClusterHealthCard />, { language: 'zh-CN' })
    const card = within(screen.getByTestId('cluster-health'))
    expect(card.getAllByRole('img', { name: '可用' })).toHaveLength(2)
    expect(card.getAllByRole('img', { name: '不可用' })).toHaveLength(1)
  })

  it('draws every kind of state with a different shape', () => {
    const kinds = ['success', 'warning', 'error', 'default'] as const
    renderConsole(
      <>
        {kinds.map((kind) => (
          <StatusMark key={kind} kind={kind} label={`state ${kind}`} />
        ))}
      </>
    )
    const shapes = kinds.map((kind) => shapeOf(screen.getByRole('img', { name: `state ${kind}` })))
    expect(new Set(shapes).size).toBe(kinds.length)
  })
})
