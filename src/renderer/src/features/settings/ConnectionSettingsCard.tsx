/** Connection tuning: watchdog timeout, longest backoff, poll intervals. Shown in seconds, stored in ms. */
import { App, Button, Card, Form, InputNumber } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ConnectionSettings } from '../../../../shared/profiles'
import { errorMessage } from '../../ipc/unwrap-result'
import { useConsole } from '../../store/store-context'
import { useSaveSettings } from '../shell/TopBar'

interface SecondsForm {
  heartbeatTimeout: number | null
  backoffMax: number
  jobsPoll: number
  clustersPoll: number
}

function toForm(c: ConnectionSettings): SecondsForm {
  return {
    heartbeatTimeout: c.heartbeatTimeoutMs === null ? null : c.heartbeatTimeoutMs / 1000,
    backoffMax: c.backoffMaxMs / 1000,
    jobsPoll: c.jobsPollMs / 1000,
    clustersPoll: c.clustersPollMs / 1000
  }
}

export function ConnectionSettingsCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const connection = useConsole((state) => state.settings.connection)
  const save = useSaveSettings()
  const [form] = Form.useForm<SecondsForm>()

  const submit = async (values: SecondsForm) => {
    try {
      await save({
        connection: {
          ...connection,
          heartbeatTimeoutMs:
            values.heartbeatTimeout === null ? null : values.heartbeatTimeout * 1000,
          backoffMaxMs: values.backoffMax * 1000,
          jobsPollMs: values.jobsPoll * 1000,
          clustersPollMs: values.clustersPoll * 1000
        }
      })
      void message.success(t('settings.saved'))
    } catch (error) {
      void message.error(t('common.failed', { message: errorMessage(error) }))
    }
  }

  return (
    <Card size="small" title={t('settings.connection')} style={{ marginBottom: 16 }}>
      <Form<SecondsForm>
        form={form}
        layout="inline"
        key={JSON.stringify(connection)}
        initialValues={toForm(connection)}
        onFinish={(values) => void submit(values)}
        style={{ rowGap: 12 }}
      >
        <Form.Item name="heartbeatTimeout" label={t('settings.heartbeatTimeout')}>
          <InputNumber
            min={5}
            max={600}
            placeholder={t('settings.heartbeatAuto')}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item name="backoffMax" label={t('settings.backoffMax')} rules={[{ required: true }]}>
          <InputNumber min={1} max={3600} />
        </Form.Item>
        <Form.Item name="jobsPoll" label={t('settings.jobsPoll')} rules={[{ required: true }]}>
          <InputNumber min={1} max={600} />
        </Form.Item>
        <Form.Item
          name="clustersPoll"
          label={t('settings.clustersPoll')}
          rules={[{ required: true }]}
        >
          <InputNumber min={5} max={3600} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" data-testid="connection-settings-save">
            {t('common.save')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  )
}
