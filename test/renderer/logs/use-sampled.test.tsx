/**
 * `useSampled`, the log viewer's throttle over the store's log version: it must keep catching up while the value
 * keeps moving, including when a sample and a newer value land in the same render (a busy machine batches the timer's
 * update with the next store push). Before the fix the timer was only re-armed when "behind" flipped, so that render
 * left it behind for good and the viewer froze on a growing log.
 */
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useSampled } from '../../../src/renderer/src/features/logs/use-log-view'

function Sampled({ value }: { value: number }) {
  return <span data-testid="sampled">{useSampled(value, 150)}</span>
}

const shown = () => Number(screen.getByTestId('sampled').textContent)

describe('useSampled', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
  })

  it('catches up with a value that changed in the same render as a sample', () => {
    const { rerender } = render(<Sampled value={1} />)
    rerender(<Sampled value={2} />)
    expect(shown()).toBe(1)
    // The timer's sample (2) and the next value (3) are rendered together: still behind after it.
    act(() => {
      vi.advanceTimersByTime(150)
      rerender(<Sampled value={3} />)
    })
    expect(shown()).toBe(2)
    act(() => {
      vi.advanceTimersByTime(150)
    })
    expect(shown()).toBe(3)
  })

  it('shows a value that changes faster than the sampling period, at most every period', () => {
    const { rerender } = render(<Sampled value={0} />)
    const seen: number[] = []
    for (let value = 1; value <= 40; value++) {
      // A new value every 50 ms, a third of the period, for 2 s.
      act(() => {
        rerender(<Sampled value={value} />)
        vi.advanceTimersByTime(50)
      })
      if (seen.at(-1) !== shown()) seen.push(shown())
    }
    act(() => {
      vi.advanceTimersByTime(150)
    })
    expect(shown()).toBe(40)
    // Sampled, not every value: about one render per 150 ms, each newer than the last.
    expect(seen.length).toBeGreaterThanOrEqual(10)
    expect(seen.length).toBeLessThanOrEqual(15)
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
  })

  it('settles on the value once it stops changing', () => {
    const { rerender } = render(<Sampled value={1} />)
    rerender(<Sampled value={5} />)
    act(() => {
      vi.advanceTimersByTime(149)
    })
    expect(shown()).toBe(1)
    act(() => {
      vi.advanceTimersByTime(1)
    })
    expect(shown()).toBe(5)
  })
})
