/**
 * Adds a silence (issue 22): a scope (server glob, job glob, one rule or every rule) and a time window. Alerts in
 * scope are still tracked during the window, only not announced.
 */
import { DatePicker, Form, Input, Modal, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AlertSilence } from '../../../../shared/alerts'

interface SilenceFormValues {
  server?: string
  job?: string
  rule?: string
  window: [{ toISOString(): string } | null, { toISOString(): string } | null]
  comment?: string
}

export interface SilenceFormModalProps {
  open: boolean
  ruleIds: string[]
  onSubmit(silence: AlertSilence): Promise<void>
  onClose(): void
}

const text = (value: string | undefined) => value?.trim() || undefined

export function SilenceFormModal({ open, ruleIds, onSubmit, onClose }: SilenceFormModalProps) {
  const { t } = useTranslation()
  const [form] = Form.useForm<SilenceFormValues>()

  const submit = async () => {
    const values = await form.validateFields()
    const [from, until] = values.window
    if (!until) return
    const silence: AlertSilence = {
      ...(text(values.server) ? { server: text(values.server) } : {}),
      ...(text(values.job) ? { job: text(values.job) } : {}),
      ...(values.rule ? { rule: values.rule } : {}),
      ...(from ? { from: from.toISOString() } : {}),
      until: until.toISOString(),
      ...(text(values.comment) ? { comment: text(values.comment) } : {})
    }
    await onSubmit(silence)
    form.resetFields()
    onClose()
  }

  return (
    <Modal
      open={open}
      title={t('alerts.silences.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      data-testid="silence-form"
    >
      <Form form={form} layout="vertical" size="small">
        <Form.Item name="server" label={t('alerts.rules.form.serverGlob')}>
          <Input maxLength={200} placeholder={t('alerts.rules.form.anyServer')} />
        </Form.Item>
        <Form.Item name="job" label={t('alerts.rules.form.jobGlob')}>
          <Input maxLength={200} placeholder={t('alerts.rules.form.anyJob')} />
        </Form.Item>
        <Form.Item name="rule" label={t('alerts.silences.rule')}>
          <Select
            allowClear
            placeholder={t('alerts.silences.anyRule')}
            options={ruleIds.map((id) => ({ value: id, label: id }))}
          />
        </Form.Item>
        <Form.Item
          name="window"
          label={t('alerts.silences.window')}
          rules={[{ required: true, message: t('alerts.rules.form.required') }]}
        >
          <DatePicker.RangePicker showTime allowEmpty={[true, false]} />
        </Form.Item>
        <Form.Item name="comment" label={t('alerts.silences.comment')}>
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
