/**
 * Imports a rules document from a JSON file (issue 22), the format `watch --rules` reads. The file is read in the
 * page; main validates it like any save, and its refusal names the rule and field.
 */
import { App, Button, Upload } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AlertRulesDocument } from '../../../../shared/alerts'
import { errorMessage } from '../../ipc/unwrap-result'

/** Larger than any hand-written rules file; a bigger one is not read. */
const MAX_FILE_BYTES = 1024 * 1024

export function ImportRulesButton(props: { onImport(rules: AlertRulesDocument): Promise<void> }) {
  const { t } = useTranslation()
  const { message } = App.useApp()

  const load = async (file: File) => {
    try {
      if (file.size > MAX_FILE_BYTES) throw new Error(t('alerts.rules.notJson'))
      let parsed: unknown
      try {
        parsed = JSON.parse(await file.text())
      } catch {
        throw new Error(t('alerts.rules.notJson'))
      }
      const document = parsed as Partial<AlertRulesDocument>
      await props.onImport({ rules: document.rules ?? [], silences: document.silences ?? [] })
      void message.success(t('alerts.rules.imported', { count: document.rules?.length ?? 0 }))
    } catch (error) {
      void message.error(t('alerts.rules.importFailed', { message: errorMessage(error) }))
    }
  }

  return (
    <Upload
      accept=".json,application/json"
      showUploadList={false}
      beforeUpload={(file) => {
        void load(file)
        return false
      }}
    >
      <Button size="small" data-testid="alert-rules-import">
        {t('alerts.rules.importRules')}
      </Button>
    </Upload>
  )
}
