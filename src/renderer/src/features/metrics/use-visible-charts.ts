/**
 * Which of a Metrics tab's charts are in view (or near it), so only those redraw on each sample: 48 charts update
 * every second and most of them sit below the drawer's fold. One IntersectionObserver per tab watches every
 * `[data-chart-key]` element inside the container; charts out of view keep their last drawing until they scroll
 * back in. Without IntersectionObserver, or until it first reports, every chart counts as in view.
 */
import { useEffect, useRef, useState, type RefObject } from 'react'

/** How far beyond the visible area a chart still counts as in view, so a scroll finds it already drawn. */
const MARGIN = '200px 0px'

/** `null`: every chart is in view (no observer); else the keys of the charts in view. */
export type VisibleCharts = ReadonlySet<string> | null

export function useVisibleCharts(
  container: RefObject<HTMLElement | null>,
  /** Changes when the set of charts changes, so new charts are observed. */
  layoutKey: string
): VisibleCharts {
  // Every chart counts as in view until the observer first reports, so an engine whose observer never calls
  // back still updates every chart.
  const [visible, setVisible] = useState<VisibleCharts>(null)
  const inView = useRef(new Set<string>())

  useEffect(() => {
    const root = container.current
    if (typeof IntersectionObserver === 'undefined' || !root) return
    let reported = false
    const observer = new IntersectionObserver(
      (entries) => {
        let changed = !reported
        reported = true
        for (const entry of entries) {
          const key = (entry.target as HTMLElement).dataset.chartKey
          if (key === undefined) continue
          if (entry.isIntersecting && !inView.current.has(key)) {
            inView.current.add(key)
            changed = true
          } else if (!entry.isIntersecting && inView.current.delete(key)) changed = true
        }
        if (changed) setVisible(new Set(inView.current))
      },
      { rootMargin: MARGIN }
    )
    inView.current = new Set()
    for (const el of root.querySelectorAll('[data-chart-key]')) observer.observe(el)
    return () => observer.disconnect()
  }, [container, layoutKey])

  return visible
}
