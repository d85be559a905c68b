/**
 * The open palette: a combobox input over the results, in steps. Search: views, commands and every job of every
 * server (Enter opens, → shows the job's actions). A job's step: open a tab or take an action (← or Backspace on
 * an empty field goes back). An action's step: the drawer's confirmation. Esc closes (antd's Modal).
 */
import { App, Flex, Input, Typography } from 'antd'
import { useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../ipc/unwrap-result'
import { useConsole, useConsoleStore } from '../../store/store-context'
import type { JobActionSpec } from '../jobs/job-action-specs'
import { useOpenJobOnServer } from '../jobs/open-job-on-server'
import { useJobActionGate } from '../jobs/use-job-actions'
import { jobStepItems } from './job-action-items'
import type { PaletteEntry, PaletteTarget } from './palette-entries'
import { LISTBOX_ID, optionId, PaletteList, type ListItem } from './PaletteList'
import { PaletteConfirm } from './PaletteConfirm'
import { usePaletteSearch } from './use-palette-search'
import { SHORTCUT_SHEET_KEY, VIEW_SHORTCUTS } from '../../../../shared/view-shortcuts'
import { isMac } from '../keyboard/use-global-shortcuts'

/** A view's keys, shown beside it so the palette teaches them: `g j · Ctrl+3`. */
function viewKeys(view: string): string {
  const keys = VIEW_SHORTCUTS.find((shortcut) => shortcut.view === view)
  return keys ? `g ${keys.letter} · ${isMac() ? '⌘' : 'Ctrl'}+${keys.digit}` : ''
}

type JobTarget = Extract<PaletteTarget, { type: 'job' }>
type Step =
  | { kind: 'search' }
  | { kind: 'job'; job: JobTarget }
  | { kind: 'confirm'; job: JobTarget; spec: JobActionSpec }

export function PaletteBody({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const store = useConsoleStore()
  const { message } = App.useApp()
  const openJobOnServer = useOpenJobOnServer()
  const [step, setStep] = useState<Step>({ kind: 'search' })
  const [searchQuery, setSearchQuery] = useState('')
  const [jobQuery, setJobQuery] = useState('')
  const [active, setActive] = useState(0)
  const search = usePaletteSearch(searchQuery)
  const target = step.kind === 'search' ? null : step.job
  const job = useConsole((state) => {
    if (!target) return undefined
    const jobs = state.jobs[target.profileId]?.value ?? []
    return jobs.find((j) => j.id === target.jobId) ?? jobs.find((j) => j.name === target.name)
  })
  const gate = useJobActionGate(target?.profileId ?? '')
  const query = step.kind === 'job' ? jobQuery : searchQuery
  const stepItems = step.kind === 'job' ? jobStepItems(t, jobQuery, gate.reason, !job) : []
  const items: ListItem[] =
    step.kind === 'job' ? stepItems : search.hits.map((hit) => listItem(hit))
  const current = Math.min(active, Math.max(items.length - 1, 0))

  function listItem(entry: PaletteEntry): ListItem {
    const { target } = entry
    const detail =
      target.type === 'job'
        ? `${entry.detail} · ${t(`status.${target.status}`)}`
        : target.type === 'view'
          ? viewKeys(target.view)
          : `? · ${isMac() ? '⌘' : 'Ctrl'}+${SHORTCUT_SHEET_KEY}`
    return {
      key: entry.id,
      title: entry.title,
      detail,
      kind: t(`palette.kinds.${entry.kind}`),
      disabled: null
    }
  }

  const openJob = (at: JobTarget, tab?: string) => {
    search.remember({ kind: 'job', profileId: at.profileId, jobId: at.jobId, name: at.name })
    onClose()
    openJobOnServer(at.profileId, job?.id ?? at.jobId, tab).catch((error: unknown) => {
      void message.error(t('common.failed', { message: errorMessage(error) }))
    })
  }

  const enterJob = (at: JobTarget) => {
    setStep({ kind: 'job', job: at })
    setJobQuery('')
    setActive(0)
  }

  const choose = (index: number) => {
    if (step.kind === 'job') {
      const item = stepItems[index]
      if (!item || item.disabled !== null) return
      if (item.choice.kind === 'open') openJob(step.job, item.choice.tab ?? undefined)
      else setStep({ kind: 'confirm', job: step.job, spec: item.choice.spec })
      return
    }
    const entry = search.hits[index]
    if (!entry) return
    const chosen = entry.target
    if (chosen.type === 'job') return openJob(chosen)
    if (chosen.type === 'command') return store.getState().setShortcutSheetOpen(true)
    search.remember({ kind: 'view', view: chosen.view })
    onClose()
    store.getState().navigate(chosen.view)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // An input method (pinyin) is composing: Enter and the arrows are its keys, not the list's.
    if (event.nativeEvent.isComposing) return
    const input = event.currentTarget
    const atEnd = input.selectionStart === input.value.length
    const atStart = input.selectionEnd === 0
    const move = (by: number) => {
      event.preventDefault()
      if (items.length > 0) setActive((current + by + items.length) % items.length)
    }
    if (event.key === 'ArrowDown') move(1)
    else if (event.key === 'ArrowUp') move(-1)
    else if (event.key === 'Enter') {
      event.preventDefault()
      choose(current)
    } else if (event.key === 'ArrowRight' && step.kind === 'search' && atEnd) {
      const chosen = search.hits[current]?.target
      if (chosen?.type !== 'job') return
      event.preventDefault()
      enterJob(chosen)
    } else if (
      step.kind === 'job' &&
      ((event.key === 'ArrowLeft' && atStart) || (event.key === 'Backspace' && jobQuery === ''))
    ) {
      event.preventDefault()
      setStep({ kind: 'search' })
      setActive(0)
    }
  }

  if (step.kind === 'confirm') {
    return job ? (
      <PaletteConfirm
        profileId={step.job.profileId}
        job={job}
        spec={step.spec}
        onBack={() => setStep({ kind: 'job', job: step.job })}
        onDone={onClose}
      />
    ) : (
      <Typography.Text type="secondary">{t('palette.jobGone')}</Typography.Text>
    )
  }

  const hints =
    step.kind === 'job' ? ['move', 'open', 'back', 'close'] : ['move', 'open', 'actions', 'close']
  return (
    <Flex vertical gap={8}>
      <Input
        autoFocus
        size="large"
        value={query}
        placeholder={
          step.kind === 'job'
            ? t('palette.actionsPlaceholder', { name: step.job.name })
            : t('palette.placeholder')
        }
        onChange={(event) => {
          ;(step.kind === 'job' ? setJobQuery : setSearchQuery)(event.target.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-label={t('palette.title')}
        aria-expanded
        aria-controls={LISTBOX_ID}
        aria-autocomplete="list"
        aria-activedescendant={items.length > 0 ? optionId(current) : undefined}
        data-testid="command-palette-input"
      />
      <PaletteList
        items={items}
        active={current}
        query={query}
        label={t('palette.listLabel')}
        onChoose={choose}
        onHover={setActive}
      />
      {items.length === 0 && (
        <Typography.Text type="secondary" className="palette-empty">
          {t('palette.empty', { query })}
        </Typography.Text>
      )}
      <Flex justify="space-between" wrap gap={8} className="palette-footer">
        <Typography.Text type="secondary">
          {hints.map((hint) => t(`palette.hints.${hint as 'move'}`)).join(' · ')}
        </Typography.Text>
        {step.kind === 'search' && search.total > items.length && (
          <Typography.Text type="secondary" data-testid="command-palette-count">
            {t('palette.shown', { shown: items.length, total: search.total })}
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  )
}
