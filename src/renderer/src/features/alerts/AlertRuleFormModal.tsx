/**
 * Adds or edits one alert rule (issue 22). The fields follow the kind: statuses for job-status, a count and a
 * window for restarts and checkpoint failures, minutes or intervals for no-checkpoint, minutes for backpressure
 * and server-stale, a metric, operator, value and sample count for metric. Numbers accept fractions. On OK the
 * caller saves the whole document; when main refuses it, its message (naming the rule and field) shows here.
 */
import { Alert, Form, Input, InputNumber, Modal, Radio, Select, Switch } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ALERT_RULE_KINDS, type AlertRule } from '../../../../shared/alerts'
import { JOB_STATUSES } from '../../../../shared/models'
import { errorMessage } from '../../ipc/unwrap-result'
import { newRuleValues, ruleToValues, valuesToRule, type RuleFormValues } from './rule-form-values'

export interface AlertRuleFormModalProps {
  /** The rule edited, `'new'` for a new one, null when closed. */
  rule: AlertRule | 'new' | null
  onSubmit(rule: AlertRule): Promise<void>
  onClose(): void
}

export function AlertRuleFormModal({ rule, onSubmit, onClose }: AlertRuleFormModalProps) {
  const { t } = useTranslation()
  const [form] = Form.useForm<RuleFormValues>()
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const kind = Form.useWatch('kind', form)
  const noCheckpointBy = Form.useWatch('noCheckpointBy', form)

  // Each opening starts from its rule, even when the last one's closing animation has not unmounted the form yet.
  useEffect(() => {
    if (rule !== null) form.resetFields()
  }, [rule, form])

  const submit = async () => {
    const values = await form.validateFields()
    setSaving(true)
    setError(null)
    try {
      await onSubmit(valuesToRule({ ...form.getFieldsValue(true), ...values }))
      close()
    } catch (failure) {
      setError(t('alerts.rules.refused', { message: errorMessage(failure) }))
    } finally {
      setSaving(false)
    }
  }

  const close = () => {
    setError(null)
    onClose()
  }
  const required = [{ required: true, message: t('alerts.rules.form.required') }]
  const number = (name: keyof RuleFormValues, label: string, step = 1) => (
    <Form.Item name={name} label={label} rules={required}>
      <InputNumber step={step} style={{ width: 160 }} data-testid={`rule-${name}`} />
    </Form.Item>
  )

  return (
    <Modal
      open={rule !== null}
      title={
        rule === 'new' || rule === null
          ? t('alerts.rules.form.addTitle')
          : t('alerts.rules.form.editTitle', { id: rule.id })
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={close}
      destroyOnHidden
      width={560}
      data-testid="alert-rule-form"
    >
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 12 }}
          data-testid="alert-rule-error"
        />
      )}
      <Form
        form={form}
        layout="vertical"
        size="small"
        preserve
        initialValues={rule === 'new' || rule === null ? newRuleValues() : ruleToValues(rule)}
      >
        <Form.Item
          name="id"
          label={t('alerts.rules.id')}
          extra={t('alerts.rules.form.idHelp')}
          rules={required}
        >
          <Input maxLength={100} data-testid="rule-id" />
        </Form.Item>
        <Form.Item name="name" label={t('alerts.rules.name')}>
          <Input maxLength={200} data-testid="rule-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('alerts.rules.kind')} rules={required}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            data-testid="rule-kind"
            options={ALERT_RULE_KINDS.map((value) => ({
              value,
              label: t(`alerts.rules.kinds.${value}`)
            }))}
          />
        </Form.Item>
        {kind === 'job-status' && (
          <Form.Item name="statuses" label={t('alerts.rules.form.statuses')} rules={required}>
            <Select
              mode="multiple"
              data-testid="rule-statuses"
              options={JOB_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
            />
          </Form.Item>
        )}
        {(kind === 'restarts' || kind === 'checkpoint-failures') && (
          <>
            {number('atLeast', t('alerts.rules.form.atLeast'))}
            {number('withinMinutes', t('alerts.rules.form.withinMinutes'), 0.5)}
          </>
        )}
        {kind === 'no-checkpoint' && (
          <>
            <Form.Item name="noCheckpointBy" label={t('alerts.rules.form.noCheckpointBy')}>
              <Radio.Group
                options={[
                  { value: 'minutes', label: t('alerts.rules.form.byMinutes') },
                  { value: 'intervals', label: t('alerts.rules.form.byIntervals') }
                ]}
              />
            </Form.Item>
            {noCheckpointBy === 'intervals'
              ? number('intervals', t('alerts.rules.form.intervals'), 0.5)
              : number('minutes', t('alerts.rules.form.minutes'), 0.5)}
          </>
        )}
        {(kind === 'backpressure' || kind === 'server-stale') &&
          number('minutes', t('alerts.rules.form.minutes'), 0.5)}
        {kind === 'metric' && (
          <>
            <Form.Item name="metric" label={t('alerts.rules.form.metric')} rules={required}>
              <Input maxLength={200} placeholder="pendingRecords" data-testid="rule-metric" />
            </Form.Item>
            <Form.Item name="op" label={t('alerts.rules.form.op')}>
              <Radio.Group options={['>', '<'].map((value) => ({ value, label: value }))} />
            </Form.Item>
            {number('value', t('alerts.rules.form.value'))}
            {number('forSamples', t('alerts.rules.form.forSamples'))}
            <Form.Item name="vertex" label={t('alerts.rules.form.vertex')}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
        <Form.Item name="severity" label={t('alerts.rules.severity')}>
          <Select
            options={(['critical', 'warning', 'info'] as const).map((value) => ({
              value,
              label: t(`alerts.severity.${value}`)
            }))}
          />
        </Form.Item>
        <Form.Item name="server" label={t('alerts.rules.form.serverGlob')}>
          <Input maxLength={200} placeholder={t('alerts.rules.form.anyServer')} />
        </Form.Item>
        {kind !== 'server-stale' && (
          <Form.Item name="job" label={t('alerts.rules.form.jobGlob')}>
            <Input
              maxLength={200}
              placeholder={t('alerts.rules.form.anyJob')}
              data-testid="rule-job"
            />
          </Form.Item>
        )}
        <Form.Item name="repeatMinutes" label={t('alerts.rules.form.repeatMinutes')}>
          <InputNumber step={5} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="enabled" label={t('alerts.rules.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  )
}
