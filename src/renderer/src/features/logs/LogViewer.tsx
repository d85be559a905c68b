/**
 * A console-log viewer: follow or pause ("N new lines"), regex search with next/previous match, level filter,
 * wrap and timestamp toggles, copy and save. Works on the store's ring in place; never copies the whole log
 * except to copy or save it.
 */
import { VerticalAlignBottomOutlined } from '@ant-design/icons'
import { App, Button, Empty } from 'antd'
import { useCallback, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage, unwrap } from '../../ipc/unwrap-result'
import { LOG_LEVELS, type LogLevel } from '../../logs/log-level'
import { rowIndexOf, stepMatch } from '../../logs/log-query'
import type { LogStream } from '../../store/logs-slice'
import { useConsoleApi } from '../../store/store-context'
import { LogLines, type LogLinesHandle } from './LogLines'
import { LogToolbar } from './LogToolbar'
import { useLogView } from './use-log-view'

export interface LogViewerProps {
  stream: LogStream | undefined
  /** The viewer's whole height (toolbar and lines); by default it fills its parent, whose height must be set. */
  height?: string | number
  /** Used for the suggested file name when saving. */
  name: string
}

export function LogViewer({ stream, height, name }: LogViewerProps) {
  const { t } = useTranslation()
  if (!stream) return <Empty description={t('logs.empty')} data-testid="log-empty" />
  // A new run is a new log: reset pause point and match position with it.
  return <LogViewerBody key={stream.run} stream={stream} height={height} name={name} />
}

function LogViewerBody({ stream, height, name }: LogViewerProps & { stream: LogStream }) {
  const { t } = useTranslation()
  const api = useConsoleApi()
  const { message } = App.useApp()
  const linesRef = useRef<LogLinesHandle>(null)
  const [levels, setLevels] = useState<LogLevel[]>([...LOG_LEVELS])
  const [search, setSearch] = useState('')
  const [pausedEnd, setPausedEnd] = useState<number | null>(null)
  const [currentLine, setCurrentLine] = useState<number | null>(null)
  const [wrap, setWrap] = useState(false)
  const [timestamps, setTimestamps] = useState(true)
  const { ring } = stream
  const view = useLogView(ring, stream.version, { levels, search, pausedEnd })
  const currentRow = currentLine === null ? -1 : rowIndexOf(view.rows, currentLine)

  // Stable, so the memoized lines are not redrawn for a push that brings no new sample.
  const pause = useCallback(() => setPausedEnd((end) => end ?? ring.end), [ring, setPausedEnd])
  const step = (direction: 1 | -1) => {
    const from = currentRow >= 0 ? currentRow : direction === 1 ? -1 : view.rows.length
    const row = stepMatch(view.matches, from, direction)
    if (row < 0) return
    pause()
    setCurrentLine(view.rows[row])
    linesRef.current?.scrollToRow(row)
  }
  const visibleText = () => Array.from(view.rows, (line) => ring.line(line) ?? '').join('\n')

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(visibleText())
      void message.success(t('logs.copied', { count: view.rows.length }))
    } catch (error) {
      void message.error(t('common.failed', { message: errorMessage(error) }))
    }
  }
  const save = async () => {
    try {
      const suggestedName = `${name.replace(/[^\w.-]+/g, '-')}.log`
      const { path } = await unwrap(api.invoke('logs:save', { suggestedName, text: visibleText() }))
      if (path) void message.success(t('logs.saved', { path }))
    } catch (error) {
      void message.error(t('common.failed', { message: errorMessage(error) }))
    }
  }

  return (
    <div
      data-testid="log-viewer"
      style={{
        position: 'relative',
        display: 'flex',
        flexDirection: 'column',
        height: height ?? '100%'
      }}
    >
      <LogToolbar
        following={pausedEnd === null}
        onFollow={() => setPausedEnd(null)}
        onPause={pause}
        search={search}
        searchError={view.search.ok ? null : view.search.error}
        onSearch={(value) => {
          setSearch(value)
          setCurrentLine(null)
        }}
        matchCount={view.matches.length}
        matchPosition={currentRow >= 0 ? view.matches.indexOf(currentRow) + 1 : 0}
        onStep={step}
        levels={levels}
        onLevels={setLevels}
        wrap={wrap}
        onWrap={setWrap}
        timestamps={timestamps}
        onTimestamps={setTimestamps}
        onCopy={() => void copy()}
        onSave={() => void save()}
        shown={view.rows.length}
        total={view.total}
      />
      <LogLines
        ref={linesRef}
        ring={ring}
        rows={view.rows}
        regex={view.regex}
        currentLine={currentLine}
        following={pausedEnd === null}
        wrap={wrap}
        timestamps={timestamps}
        onUserScrollUp={pause}
      />
      {view.newLines > 0 && (
        <Button
          shape="round"
          icon={<VerticalAlignBottomOutlined />}
          onClick={() => setPausedEnd(null)}
          style={{ position: 'absolute', bottom: 16, left: '50%', transform: 'translateX(-50%)' }}
          data-testid="log-new-lines"
        >
          {t('logs.newLines', { count: view.newLines })}
        </Button>
      )}
    </div>
  )
}
