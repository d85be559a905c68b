/**
 * The command palette (Ctrl/⌘+K, the View menu, the shortcut sheet): a dialog over the current view. Its body is
 * mounted only while open, so a closed palette does no work when jobs polls arrive.
 */
import { Modal } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useConsole } from '../../store/store-context'
import { PaletteBody } from './PaletteBody'

/** The dialog's name for assistive technology, out of sight: the input says what to do. */
const HIDDEN_TITLE = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  margin: 0,
  padding: 0
} as const

export function CommandPalette() {
  const { t } = useTranslation()
  const open = useConsole((state) => state.paletteOpen)
  const setOpen = useConsole((state) => state.setPaletteOpen)
  const close = () => setOpen(false)
  // Each opening starts afresh: antd keeps the closing dialog's content while it fades, so a palette reopened
  // before the fade ended would show the last query without a key of its own.
  const [opening, setOpening] = useState({ open, count: 0 })
  if (opening.open !== open) setOpening({ open, count: opening.count + (open ? 1 : 0) })

  return (
    <Modal
      open={open}
      onCancel={close}
      title={t('palette.title')}
      footer={null}
      closable={false}
      destroyOnHidden
      width={640}
      style={{ top: 72 }}
      styles={{ header: HIDDEN_TITLE }}
    >
      <div data-testid="command-palette">
        {open && <PaletteBody key={opening.count} onClose={close} />}
      </div>
    </Modal>
  )
}
