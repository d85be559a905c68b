/**
 * Pan (drag) and zoom (wheel, buttons, fit) of the job graph's SVG, as one transform. The graph is fitted to the box
 * whenever the plan's structure (its layout) or the box's size changes, never on a plain detail update, so a poll
 * does not undo what the operator panned to.
 */
import { useEffect, useRef, useState, type PointerEvent, type RefObject } from 'react'

export interface View {
  x: number
  y: number
  k: number
}

const MIN_K = 0.2
const MAX_K = 2.5
const clampK = (k: number) => Math.min(MAX_K, Math.max(MIN_K, k))

/** The view that shows the whole `width`×`height` graph centred in the box, never above 1:1. */
export function fitView(width: number, height: number, boxW: number, boxH: number): View {
  if (width <= 0 || height <= 0 || boxW <= 0 || boxH <= 0) return { x: 0, y: 0, k: 1 }
  const k = clampK(Math.min(1, boxW / width, boxH / height))
  return { k, x: (boxW - width * k) / 2, y: (boxH - height * k) / 2 }
}

/** `view` scaled by `factor` about the box point (cx, cy). */
export function zoomView(view: View, factor: number, cx: number, cy: number): View {
  const k = clampK(view.k * factor)
  return { k, x: cx - ((cx - view.x) * k) / view.k, y: cy - ((cy - view.y) * k) / view.k }
}

export function usePanZoom(
  box: RefObject<HTMLDivElement | null>,
  graphW: number,
  graphH: number,
  layoutKey: string
) {
  const [size, setSize] = useState({ w: 0, h: 0 })
  // What the operator made of the fitted view, for one structure and box size; otherwise the fitted view.
  const [manual, setManual] = useState<{ key: string; view: View } | null>(null)
  const drag = useRef<{ id: number; x: number; y: number; moved: boolean } | null>(null)
  const fitKey = `${layoutKey}|${size.w}x${size.h}`
  const view = manual?.key === fitKey ? manual.view : fitView(graphW, graphH, size.w, size.h)
  const change = (next: (current: View) => View) =>
    setManual((m) => ({
      key: fitKey,
      view: next(m?.key === fitKey ? m.view : fitView(graphW, graphH, size.w, size.h))
    }))
  const changeRef = useRef(change)
  const centre = useRef({ x: 0, y: 0 })
  useEffect(() => {
    changeRef.current = change
    centre.current = { x: size.w / 2, y: size.h / 2 }
  })
  // Stable, so the memoized toolbar does not re-render on every detail update.
  const [controls] = useState(() => ({
    fit: () => setManual(null),
    zoomBy: (factor: number) =>
      changeRef.current((v) => zoomView(v, factor, centre.current.x, centre.current.y))
  }))

  useEffect(() => {
    const el = box.current
    if (!el || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => setSize({ w: el.clientWidth, h: el.clientHeight }))
    observer.observe(el)
    return () => observer.disconnect()
  }, [box])

  // React's onWheel is passive: the wheel must not scroll the drawer while it zooms the graph.
  useEffect(() => {
    const el = box.current
    if (!el) return
    const onWheel = (event: WheelEvent) => {
      event.preventDefault()
      const rect = el.getBoundingClientRect()
      const factor = Math.exp(-event.deltaY / 500)
      changeRef.current((v) =>
        zoomView(v, factor, event.clientX - rect.left, event.clientY - rect.top)
      )
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [box])

  const handlers = {
    onPointerDown: (event: PointerEvent) => {
      if (event.button !== 0) return
      drag.current = { id: event.pointerId, x: event.clientX, y: event.clientY, moved: false }
    },
    onPointerMove: (event: PointerEvent) => {
      const d = drag.current
      if (!d || d.id !== event.pointerId) return
      const dx = event.clientX - d.x
      const dy = event.clientY - d.y
      if (!d.moved && Math.abs(dx) + Math.abs(dy) < 4) return
      // Captured once it is a drag, so releasing over a vertex does not click it.
      if (!d.moved) (event.currentTarget as Element).setPointerCapture?.(event.pointerId)
      d.moved = true
      d.x = event.clientX
      d.y = event.clientY
      change((v) => ({ ...v, x: v.x + dx, y: v.y + dy }))
    },
    onPointerUp: () => {
      drag.current = null
    }
  }
  return { view, ...controls, handlers }
}
