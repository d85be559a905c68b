/**
 * A filter of several values (the Jobs view's statuses and servers): a button that says what is chosen ("All
 * statuses" when nothing is), opening a panel of checkboxes. Why not antd's multiple Select: it measures its search
 * box in a layout effect, which forced the whole page's layout each time the kept Jobs view was shown again (about a
 * third of a reveal at 2,000 jobs a server, the scale bench); this button measures nothing and its panel exists only
 * while open.
 *
 * Keyboard: Enter or Space opens it, the first checkbox takes the focus, Tab moves between them, Space toggles, Esc
 * closes it and gives the focus back to the button.
 */
import { DownOutlined } from '@ant-design/icons'
import { Button, Checkbox, Dropdown } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

export interface FilterOption<V extends string> {
  value: V
  label: string
}

export interface FilterDropdownProps<V extends string> {
  /** What no choice means ("All statuses"): the button's text then, and the panel's name. */
  label: string
  options: readonly FilterOption<V>[]
  value: readonly V[]
  onChange: (value: V[]) => void
  width: number
  'data-testid': string
}

export function FilterDropdown<V extends string>(props: FilterDropdownProps<V>) {
  const { label, options, value, onChange, width } = props
  const [open, setOpen] = useState(false)
  const chosen = options.filter((option) => value.includes(option.value))
  const text = chosen.length === 0 ? label : chosen.map((option) => option.label).join(', ')
  return (
    <Dropdown
      open={open}
      onOpenChange={setOpen}
      trigger={['click']}
      destroyOnHidden
      popupRender={() => (
        <FilterPanel label={label} options={options} value={value} onChange={onChange} />
      )}
    >
      <Button
        className="filter-trigger"
        aria-haspopup="true"
        aria-expanded={open}
        title={text}
        style={{ width }}
        data-testid={props['data-testid']}
        data-chosen={chosen.length}
      >
        <span className="filter-trigger-text">{text}</span>
        <DownOutlined aria-hidden />
      </Button>
    </Dropdown>
  )
}

function FilterPanel<V extends string>(
  props: Omit<FilterDropdownProps<V>, 'width' | 'data-testid'>
) {
  const { t } = useTranslation()
  const { label, options, value, onChange } = props
  const panel = useRef<HTMLDivElement>(null)
  useEffect(() => {
    panel.current?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus()
  }, [])
  return (
    <div
      ref={panel}
      className="filter-panel"
      role="group"
      aria-label={label}
      data-testid="filter-panel"
    >
      <Checkbox.Group<V>
        className="filter-panel-options"
        value={[...value]}
        // Kept in the options' order, whatever order they were ticked in.
        onChange={(next) => onChange(options.map((o) => o.value).filter((v) => next.includes(v)))}
        options={options.map((option) => ({ value: option.value, label: option.label }))}
      />
      <Button
        type="link"
        size="small"
        disabled={value.length === 0}
        onClick={() => onChange([])}
        data-testid="filter-clear"
      >
        {t('jobs.clearFilter')}
      </Button>
    </div>
  )
}
