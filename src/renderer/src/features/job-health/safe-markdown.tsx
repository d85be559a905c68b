/**
 * A tiny markdown renderer for Dinky's alert texts, safe by construction: it builds React elements from a small
 * subset (headings, list items, paragraphs, **bold**, *italic*, `code`, [links](http…)) and never sets HTML, so
 * server text stays inert. Raw HTML in the source (Dinky's templates use `<font color=…>`) is shown as its text
 * content: the tags are dropped, never interpreted. Links open through main's `shell:open-external`, http(s) only.
 */
import { Fragment, type ReactNode } from 'react'

const MAX_CHARS = 20_000
const INLINE = /(\*\*[^*]+\*\*|\*[^*]+\*|`[^`]+`|\[[^\]]+\]\([^)\s]+\))/g

/** `<font color='red'>x</font>` → `x`: tags are removed as text, whatever they are. */
export function stripTags(text: string): string {
  return text.replace(/<\/?[a-zA-Z][^<>]*>/g, '')
}

function inline(text: string, onLink: (url: string) => void, key: string): ReactNode[] {
  return text.split(INLINE).map((part, index) => {
    const k = `${key}-${index}`
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4)
      return <strong key={k}>{part.slice(2, -2)}</strong>
    if (part.startsWith('`') && part.endsWith('`') && part.length > 2)
      return <code key={k}>{part.slice(1, -1)}</code>
    if (part.startsWith('*') && part.endsWith('*') && part.length > 2)
      return <em key={k}>{part.slice(1, -1)}</em>
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part)
    if (link) {
      const url = link[2]
      if (!/^https?:\/\//i.test(url)) return <Fragment key={k}>{link[1]}</Fragment>
      return (
        <a key={k} href={url} onClick={(event) => (event.preventDefault(), onLink(url))}>
          {link[1]}
        </a>
      )
    }
    return <Fragment key={k}>{part}</Fragment>
  })
}

export function SafeMarkdown({
  source,
  onLink
}: {
  source: string
  onLink: (url: string) => void
}) {
  const lines = stripTags(source.slice(0, MAX_CHARS)).split(/\r?\n/)
  const blocks: ReactNode[] = []
  let items: ReactNode[] = []
  const flush = () => {
    if (items.length > 0) blocks.push(<ul key={`ul-${blocks.length}`}>{items}</ul>)
    items = []
  }
  lines.forEach((line, index) => {
    const key = `l${index}`
    const item = /^\s*[-*]\s+(.*)$/.exec(line)
    if (item) return void items.push(<li key={key}>{inline(item[1], onLink, key)}</li>)
    flush()
    const heading = /^(#{1,6})\s+(.*)$/.exec(line)
    if (heading) return void blocks.push(<h5 key={key}>{inline(heading[2], onLink, key)}</h5>)
    if (line.trim()) blocks.push(<p key={key}>{inline(line, onLink, key)}</p>)
  })
  flush()
  return <div className="safe-markdown">{blocks}</div>
}
