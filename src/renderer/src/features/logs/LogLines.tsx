/**
 * The virtualized lines of a log (@tanstack/react-virtual): only the rows on screen exist in the DOM, so 100,000
 * lines scroll as smoothly as 100. With wrap on, rows are measured so wrapped lines take the height they need.
 */
import { useVirtualizer } from '@tanstack/react-virtual'
import { theme } from 'antd'
import { memo, useEffect, useImperativeHandle, useRef, type ReactNode, type Ref } from 'react'
import type { LineRing } from '../../logs/line-ring'
import { stripTimestamp } from '../../logs/log-level'

const ROW_HEIGHT = 18
/** Keys that scroll the focused log upward: like the wheel, they stop following the tail. */
const SCROLL_UP_KEYS = new Set(['ArrowUp', 'PageUp', 'Home'])

export interface LogLinesHandle {
  scrollToRow: (row: number) => void
}

export interface LogLinesProps {
  ring: LineRing
  rows: Int32Array
  regex: RegExp | null
  currentLine: number | null
  following: boolean
  wrap: boolean
  timestamps: boolean
  onUserScrollUp: () => void
  ref?: Ref<LogLinesHandle>
}

/**
 * Memoized: the viewer re-renders on every push (up to 20 a second), but its rows change only with a new sample;
 * drawing every row again per push is what a loaded renderer cannot keep up with.
 */
export const LogLines = memo(function LogLines(props: LogLinesProps) {
  const { ring, rows, regex, currentLine, following, wrap, timestamps } = props
  const { token } = theme.useToken()
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
    initialRect: { width: 800, height: 600 }
  })

  useImperativeHandle(props.ref, () => ({
    scrollToRow: (row) => virtualizer.scrollToIndex(row, { align: 'center' })
  }))

  // Unwrapped rows are all ROW_HEIGHT tall; only wrapped rows are measured, so drop old sizes on a toggle.
  useEffect(() => virtualizer.measure(), [wrap, virtualizer])

  useEffect(() => {
    if (following && rows.length > 0) virtualizer.scrollToIndex(rows.length - 1, { align: 'end' })
  }, [following, rows, virtualizer])

  const highlighter = regex ? new RegExp(regex.source, `${regex.flags.replace('g', '')}g`) : null
  return (
    <div
      ref={scrollRef}
      data-testid="log-scroll"
      // Focusable, so the keyboard scrolls it too (axe: scrollable-region-focusable); scrolling up pauses as the
      // wheel does.
      tabIndex={0}
      onWheel={(event) => event.deltaY < 0 && props.onUserScrollUp()}
      onKeyDown={(event) => SCROLL_UP_KEYS.has(event.key) && props.onUserScrollUp()}
      style={{
        // Takes what the viewer's toolbar leaves, so the newest line stays in the window at any size.
        flex: 1,
        minHeight: 0,
        overflow: 'auto',
        background: token.colorFillQuaternary,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadius
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth: '100%' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const line = rows[item.index]
          const text = ring.line(line) ?? ''
          const shown = timestamps ? text : stripTimestamp(text)
          const classes = ['log-line', `level-${ring.level(line)}`]
          if (wrap) classes.push('wrap')
          if (line === currentLine) classes.push('current-match')
          return (
            <div
              key={line}
              ref={wrap ? virtualizer.measureElement : undefined}
              data-index={item.index}
              data-testid="log-line"
              data-line={line}
              className={classes.join(' ')}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                transform: `translateY(${item.start}px)`
              }}
            >
              {highlighter ? highlight(shown, highlighter) : shown || ' '}
            </div>
          )
        })}
      </div>
    </div>
  )
})

/** Wraps every match in <mark>; zero-length matches are skipped so the loop always advances. */
function highlight(text: string, regex: RegExp): ReactNode[] {
  const parts: ReactNode[] = []
  let last = 0
  regex.lastIndex = 0
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    if (match[0].length === 0) {
      regex.lastIndex += 1
      continue
    }
    parts.push(text.slice(last, match.index), <mark key={match.index}>{match[0]}</mark>)
    last = match.index + match[0].length
  }
  parts.push(text.slice(last))
  return parts
}
