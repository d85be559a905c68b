/**
 * Settings → Alert rules (issue 22): the rules as a table (kind, scope, condition in words, severity, on/off), add,
 * edit and delete through the rule form, the silences with add and remove, and the document as a JSON file (import
 * and export, the same format as `watch --rules`). Every change saves the whole document through main, which
 * validates it; a refusal shows main's message.
 */
import { PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AlertRule, AlertRulesDocument, AlertSilence } from '../../../../shared/alerts'
import { useNow } from '../../components/use-now'
import { errorMessage, unwrap } from '../../ipc/unwrap-result'
import { useConsoleApi } from '../../store/store-context'
import { AlertRuleFormModal } from './AlertRuleFormModal'
import { ImportRulesButton } from './ImportRulesButton'
import { ruleColumns, type IndexedRule } from './alert-rule-columns'
import { SilenceFormModal } from './SilenceFormModal'
import { SilencesTable } from './SilencesTable'
import { useAlertRules } from './use-alert-rules'

export function AlertRulesCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const api = useConsoleApi()
  const { rules: document, loadError, save } = useAlertRules()
  const [editing, setEditing] = useState<AlertRule | 'new' | null>(null)
  const [addingSilence, setAddingSilence] = useState(false)
  const now = useNow(60_000)

  /** Saves and reports; rethrows so a form can show the refusal where the person is looking. */
  const saveReporting = async (next: AlertRulesDocument) => {
    try {
      await save(next)
      void message.success(t('alerts.rules.saved'))
    } catch (error) {
      void message.error(t('alerts.rules.refused', { message: errorMessage(error) }))
      throw error
    }
  }
  const change = (next: AlertRulesDocument) => void saveReporting(next).catch(() => undefined)

  if (!document) {
    return (
      <Card
        size="small"
        title={t('alerts.rules.title')}
        style={{ marginBottom: 16 }}
        loading={!loadError}
      >
        {loadError && (
          <Alert type="error" showIcon title={t('common.failed', { message: loadError })} />
        )}
      </Card>
    )
  }

  const submitRule = async (rule: AlertRule) => {
    const original = editing !== 'new' && editing !== null ? editing.id : null
    const rules = document.rules.slice()
    const at = original === null ? -1 : rules.findIndex((r) => r.id === original)
    if (at >= 0) rules[at] = rule
    else rules.push(rule)
    await save({ ...document, rules })
    void message.success(t('alerts.rules.saved'))
  }
  const setRule = (index: number, rule: AlertRule | null) => {
    const rules = document.rules.slice()
    if (rule) rules[index] = rule
    else rules.splice(index, 1)
    change({ ...document, rules })
  }
  const addSilence = (silence: AlertSilence) =>
    saveReporting({ ...document, silences: [...document.silences, silence] })
  const exportRules = async () => {
    try {
      const { path } = await unwrap(
        api.invoke('logs:save', {
          suggestedName: 'alert-rules.json',
          text: JSON.stringify(document, null, 2)
        })
      )
      if (path) void message.success(t('alerts.rules.exported', { path }))
    } catch (error) {
      void message.error(t('common.failed', { message: errorMessage(error) }))
    }
  }

  return (
    <Card
      size="small"
      title={t('alerts.rules.title')}
      style={{ marginBottom: 16 }}
      data-testid="alert-rules"
      extra={
        <Space wrap>
          <ImportRulesButton onImport={async (next) => void (await save(next))} />
          <Button size="small" onClick={() => void exportRules()} data-testid="alert-rules-export">
            {t('alerts.rules.exportRules')}
          </Button>
          <Button
            type="primary"
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="alert-rule-add"
          >
            {t('alerts.rules.add')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('alerts.rules.help')}
      </Typography.Paragraph>
      <Table<IndexedRule>
        size="small"
        rowKey="id"
        pagination={false}
        // No sideways scroll: the condition wraps, so the switch and the actions stay in view at 960 px.
        data-testid="alert-rule-table"
        dataSource={document.rules.map((rule, index) => ({ ...rule, index }))}
        columns={ruleColumns(t, {
          edit: (rule) => setEditing(rule),
          set: setRule
        })}
      />
      <Space
        style={{ marginTop: 16, marginBottom: 8, justifyContent: 'space-between', width: '100%' }}
      >
        <Typography.Text strong>{t('alerts.silences.title')}</Typography.Text>
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => setAddingSilence(true)}
          data-testid="silence-add"
        >
          {t('alerts.silences.add')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('alerts.silences.help')}
      </Typography.Paragraph>
      <SilencesTable
        silences={document.silences}
        now={now}
        onRemove={(index) =>
          change({ ...document, silences: document.silences.filter((_, i) => i !== index) })
        }
      />
      <AlertRuleFormModal rule={editing} onSubmit={submitRule} onClose={() => setEditing(null)} />
      <SilenceFormModal
        open={addingSilence}
        ruleIds={document.rules.map((rule) => rule.id)}
        onSubmit={addSilence}
        onClose={() => setAddingSilence(false)}
      />
    </Card>
  )
}
