/**
 * Plays recorded frames (SSE events or WS messages) back with their recorded spacing, divided by `speed`. When the
 * recording runs out the stream is held open and its heartbeat (Dinky's `HEART_BEAT`, or 1.2's `JVM_INFO`) goes on
 * at its recorded period, so a replayed session stays live for as long as it is watched.
 */

export interface TimedFrame {
  /** Ms since the stream's anchor (its opening, or the first subscription on a socket). */
  at: number
  text: string
}

export interface Playback {
  stop(): void
}

/** The median spacing of `frames` (ms), or null with fewer than two. */
export function medianGap(frames: readonly TimedFrame[]): number | null {
  if (frames.length < 2) return null
  const gaps = frames.slice(1).map((frame, i) => frame.at - frames[i].at)
  gaps.sort((a, b) => a - b)
  return Math.max(1, gaps[Math.floor(gaps.length / 2)])
}

export function playFrames(
  frames: readonly TimedFrame[],
  isHeartbeat: (text: string) => boolean,
  speed: number,
  send: (text: string) => void
): Playback {
  const timers = new Set<ReturnType<typeof setTimeout>>()
  let stopped = false
  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(
      () => {
        timers.delete(timer)
        if (!stopped) run()
      },
      Math.max(0, ms / speed)
    )
    timers.add(timer)
  }
  for (const frame of frames) later(frame.at, () => send(frame.text))
  const beats = frames.filter((frame) => isHeartbeat(frame.text))
  const period = medianGap(beats)
  const last = beats.at(-1)
  if (period !== null && last) {
    const end = frames.at(-1)?.at ?? 0
    const beat = () => {
      send(last.text)
      later(period, beat)
    }
    later(Math.max(end, last.at + period), beat)
  }
  return {
    stop() {
      stopped = true
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
    }
  }
}
