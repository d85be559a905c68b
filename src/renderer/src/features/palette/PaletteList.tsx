/**
 * The palette's results as an ARIA listbox: the input keeps the focus (a combobox pointing at the active option
 * with `aria-activedescendant`), the options only show and take clicks. Matched letters are highlighted; a disabled
 * option says why beside it.
 */
import { Typography } from 'antd'
import { useEffect, type ReactNode } from 'react'
import { fuzzyPositions } from './fuzzy-score'
import { queryWords } from './palette-search'

export interface ListItem {
  key: string
  title: string
  detail: string
  /** What kind of thing it is, in words ("Job", "View"). */
  kind: string
  /** Why it cannot be chosen, or null. */
  disabled: string | null
  danger?: boolean
  icon?: ReactNode
}

export const LISTBOX_ID = 'command-palette-listbox'
export const optionId = (index: number): string => `command-palette-option-${index}`

/** The title with the letters the query matched in <mark>; text only, never HTML (names come from servers). */
function Highlighted({ text, query }: { text: string; query: string }) {
  const marked = new Set(queryWords(query).flatMap((word) => fuzzyPositions(word, text)))
  if (marked.size === 0) return <>{text}</>
  const parts: ReactNode[] = []
  let run = ''
  let runMarked = false
  const flush = (at: number) => {
    if (run) parts.push(runMarked ? <mark key={at}>{run}</mark> : run)
    run = ''
  }
  for (let i = 0; i < text.length; i++) {
    const isMarked = marked.has(i)
    if (isMarked !== runMarked) {
      flush(i)
      runMarked = isMarked
    }
    run += text[i]
  }
  flush(text.length)
  return <>{parts}</>
}

export function PaletteList(props: {
  items: readonly ListItem[]
  active: number
  query: string
  label: string
  onChoose: (index: number) => void
  onHover: (index: number) => void
}) {
  const { items, active, query, label, onChoose, onHover } = props
  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView?.({ block: 'nearest' })
  }, [active])

  return (
    <div role="listbox" id={LISTBOX_ID} aria-label={label} className="palette-list">
      {items.map((item, index) => (
        <div
          key={item.key}
          id={optionId(index)}
          role="option"
          aria-selected={index === active}
          aria-disabled={item.disabled !== null || undefined}
          className={`palette-option${index === active ? ' active' : ''}${item.danger ? ' danger' : ''}`}
          data-testid="command-palette-option"
          onClick={() => onChoose(index)}
          onMouseMove={() => index !== active && onHover(index)}
        >
          {item.icon && <span className="palette-option-icon">{item.icon}</span>}
          <span className="palette-option-text">
            <span className="palette-option-title">
              <Highlighted text={item.title} query={query} />
            </span>
            <Typography.Text type="secondary" className="palette-option-detail">
              {item.disabled ?? item.detail}
            </Typography.Text>
          </span>
          <span className="palette-option-kind">{item.kind}</span>
        </div>
      ))}
    </div>
  )
}
