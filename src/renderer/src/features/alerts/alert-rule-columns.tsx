/**
 * The columns of the alert rules table (issue 22): the rule, its kind, scope and condition in words, severity, an
 * on/off switch, edit and delete. The card passes what a change does; each row carries its index in the document.
 */
import { DeleteOutlined, EditOutlined } from '@ant-design/icons'
import { Button, Popconfirm, Space, Switch, Tag, Tooltip, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import type { TFunction } from 'i18next'
import type { AlertRule } from '../../../../shared/alerts'
import { ruleCondition, ruleScope } from './rule-text'

export type IndexedRule = AlertRule & { index: number }

const SEVERITY_COLOR = { critical: 'red', warning: 'gold', info: 'blue' } as const

export function ruleColumns(
  t: TFunction,
  on: { edit(rule: AlertRule): void; set(index: number, rule: AlertRule | null): void }
): TableColumnsType<IndexedRule> {
  return [
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
          aria-label={t('alerts.rules.enabled')}
          checked={rule.enabled ?? true}
          onChange={(enabled) => on.set(rule.index, { ...stripIndex(rule), enabled })}
          data-testid={`alert-rule-enabled-${rule.id}`}
        />
      )
    },
    {
      key: 'actions',
      render: (_, rule) => (
        <Space size={0}>
          <Tooltip title={t('alerts.rules.edit')}>
            <Button
              size="small"
              type="text"
              icon={<EditOutlined />}
              aria-label={t('alerts.rules.edit')}
              onClick={() => on.edit(stripIndex(rule))}
              data-testid={`alert-rule-edit-${rule.id}`}
            />
          </Tooltip>
          <Popconfirm
            title={t('alerts.rules.confirmRemove', { id: rule.id })}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() => on.set(rule.index, null)}
          >
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('alerts.rules.remove')}
            />
          </Popconfirm>
        </Space>
      )
    }
  ]
}

function stripIndex(rule: IndexedRule): AlertRule {
  const { index: _index, ...plain } = rule
  return plain as AlertRule
}
