/**
 * The shortcut sheet (`?`, Ctrl/⌘+/, the Help menu, the palette): every key the console answers, drawn from the
 * same table the keys and the application menu use (VIEW_SHORTCUTS), with ⌘ on macOS and Ctrl elsewhere.
 */
import { Modal, Typography } from 'antd'
import { Fragment, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import {
  GO_KEY,
  PALETTE_KEY,
  SHORTCUT_SHEET_KEY,
  VIEW_SHORTCUTS
} from '../../../../shared/view-shortcuts'
import { useConsole } from '../../store/store-context'
import { isMac } from './use-global-shortcuts'

type Keys = string[][]

/** Key groups joined by "or"; keys within a group pressed together (+) or in turn ("then"). */
function KeyCombo({ combos, then, or }: { combos: Keys; then?: boolean; or: string }) {
  const words = useTranslation().t
  return (
    <span className="shortcut-keys">
      {combos.map((keys, i) => (
        <Fragment key={i}>
          {i > 0 && <span className="shortcut-word"> {or} </span>}
          {keys.map((key, j) => (
            <Fragment key={j}>
              {j > 0 &&
                (then ? (
                  <span className="shortcut-word"> {words('palette.sheet.then')} </span>
                ) : (
                  '+'
                ))}
              <kbd>{key}</kbd>
            </Fragment>
          ))}
        </Fragment>
      ))}
    </span>
  )
}

export function ShortcutSheet() {
  const { t } = useTranslation()
  const open = useConsole((state) => state.shortcutSheetOpen)
  const setOpen = useConsole((state) => state.setShortcutSheetOpen)
  const mod = isMac() ? '⌘' : 'Ctrl'
  const or = t('palette.sheet.or')
  const row = (what: string, keys: ReactNode) => (
    <tr key={what}>
      <td>{keys}</td>
      <td>{what}</td>
    </tr>
  )
  const section = (title: string, rows: ReactNode[]) => (
    <>
      <Typography.Title level={5}>{title}</Typography.Title>
      <table className="shortcut-table">
        <tbody>{rows}</tbody>
      </table>
    </>
  )

  return (
    <Modal
      open={open}
      onCancel={() => setOpen(false)}
      title={t('palette.sheet.title')}
      footer={null}
      destroyOnHidden
      width={620}
      style={{ top: 48 }}
    >
      <div data-testid="shortcut-sheet">
        {section(t('palette.sheet.general'), [
          row(
            t('palette.sheet.palette'),
            <KeyCombo or={or} combos={[[mod, PALETTE_KEY.toUpperCase()]]} />
          ),
          row(
            t('palette.sheet.sheet'),
            <KeyCombo or={or} combos={[['?'], [mod, SHORTCUT_SHEET_KEY]]} />
          ),
          row(t('palette.sheet.escape'), <KeyCombo or={or} combos={[['Esc']]} />)
        ])}
        {section(
          t('palette.sheet.views'),
          VIEW_SHORTCUTS.map(({ view, letter, digit }) =>
            row(
              t(`nav.${view}`),
              <span>
                <KeyCombo or={or} then combos={[[GO_KEY, letter]]} />
                <span className="shortcut-word"> {or} </span>
                <KeyCombo or={or} combos={[[mod, String(digit)]]} />
              </span>
            )
          )
        )}
        {section(t('palette.sheet.inside'), [
          row(
            t('palette.sheet.arrows'),
            <KeyCombo or={or} combos={[['↑'], ['↓'], ['←'], ['→']]} />
          ),
          row(t('palette.sheet.enter'), <KeyCombo or={or} combos={[['Enter']]} />),
          row(t('palette.sheet.right'), <KeyCombo or={or} combos={[['→']]} />),
          row(t('palette.sheet.tab'), <KeyCombo or={or} combos={[['Tab']]} />)
        ])}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('palette.sheet.notInFields')}
        </Typography.Paragraph>
      </div>
    </Modal>
  )
}
