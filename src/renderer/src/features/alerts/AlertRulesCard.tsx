/**
 * Settings → Alert rules (issue 22): the rules as a table (kind, scope, condition in words, severity, on/off), add,
 * edit and delete through the rule form, the silences with add and remove, and the document as a JSON file (import
 * and export, the same format as `watch --rules`). Every change saves the whole document through main, which
 * validates it; a refusal shows main's message.
 */
import { PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AlertRule, AlertRulesDocument, AlertSilence } from '../../../../shared/alerts'
import { useNow } from '../../components/use-now'
import { errorMessage, unwrap } from '../../ipc/unwrap-result'
import { useConsoleApi } from '../../store/store-context'
import { AlertRuleFormModal } from './AlertRuleFormModal'
import { ImportRulesButton } from './ImportRulesButton'
import { ruleCondition, ruleScope } from './rule-text'
import { SilenceFormModal } from './SilenceFormModal'
import { SilencesTable } from './SilencesTable'
import { useAlertRules } from './use-alert-rules'

const SEVERITY_COLOR = { critical: 'red', warning: 'gold', info: 'blue' } as const

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
      <Table<AlertRule & { index: number }>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="alert-rule-table"
        dataSource={document.rules.map((rule, index) => ({ ...rule, index }))}
        columns={[
          {
            title: t('alerts.rules.id'),
            key: 'id',
            render: (_, rule) => <Typography.Text strong>{rule.name ?? rule.id}</Typography.Text>
          },
          {
            title: t('alerts.rules.kind'),
            key: 'kind',
            render: (_, rule) => t(`alerts.rules.kinds.${rule.kind}`)
          },
          { title: t('alerts.rules.scope'), key: 'scope', render: (_, rule) => ruleScope(rule, t) },
          {
            title: t('alerts.rules.condition'),
            key: 'condition',
            render: (_, rule) => ruleCondition(rule, t)
          },
          {
            title: t('alerts.rules.severity'),
            key: 'severity',
            render: (_, rule) => (
              <Tag color={SEVERITY_COLOR[rule.severity ?? 'warning']}>
                {t(`alerts.severity.${rule.severity ?? 'warning'}`)}
              </Tag>
            )
          },
          {
            title: t('alerts.rules.enabled'),
            key: 'enabled',
            render: (_, rule) => (
              <Switch
                size="small"
                checked={rule.enabled ?? true}
                onChange={(on) => setRule(rule.index, { ...stripIndex(rule), enabled: on })}
                data-testid={`alert-rule-enabled-${rule.id}`}
              />
            )
          },
          {
            key: 'actions',
            render: (_, rule) => (
              <Space size={0}>
                <Button size="small" type="link" onClick={() => setEditing(stripIndex(rule))}>
                  {t('alerts.rules.edit')}
                </Button>
                <Popconfirm
                  title={t('alerts.rules.confirmRemove', { id: rule.id })}
                  okText={t('common.ok')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => setRule(rule.index, null)}
                >
                  <Button size="small" type="link" danger>
                    {t('alerts.rules.remove')}
                  </Button>
                </Popconfirm>
              </Space>
            )
          }
        ]}
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

function stripIndex(rule: AlertRule & { index: number }): AlertRule {
  const { index: _index, ...plain } = rule
  return plain as AlertRule
}
