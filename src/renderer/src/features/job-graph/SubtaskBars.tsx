/** Records per subtask as labelled bars, the busiest one marked, so a skewed subtask stands out in the panel. */
import { useTranslation } from 'react-i18next'

/** At most this many bars: the rest would not fit the panel (the skew figure covers all of them). */
const SHOWN = 32

export function SubtaskBars({ subtasks }: { subtasks: readonly number[] }) {
  const { t, i18n } = useTranslation()
  const shown = subtasks.slice(0, SHOWN)
  const max = Math.max(1, ...shown)
  const top = shown.indexOf(Math.max(...shown))
  return (
    <ul className="graph-subtask-bars" data-testid="graph-subtask-bars">
      {shown.map((records, index) => (
        <li key={index} data-top={index === top}>
          <span>{t('jobGraph.panel.subtask', { index })}</span>
          <span className="graph-subtask-bar" style={{ width: `${(records / max) * 100}%` }} />
          <span>{records.toLocaleString(i18n.language)}</span>
        </li>
      ))}
    </ul>
  )
}
