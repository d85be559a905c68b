/**
 * Add or edit a server profile. "Test connection" probes the server with what is typed (`profiles:test`) before
 * anything is saved; the password is sent to main only, which keeps it in the OS keychain.
 */
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Switch } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  createServerProfile,
  type ServerProfile,
  type TransportChoice
} from '../../../../shared/profiles'
import { hasUrlCredentials } from '../../../../shared/server-url'
import { errorMessage, unwrap } from '../../ipc/unwrap-result'
import { useConsoleApi, useConsoleStore, useConsoleSync } from '../../store/store-context'
import { testFailureText } from './test-failure-text'

interface ProfileForm {
  name: string
  url: string
  username: string
  password?: string
  tenantId: number
  transport: TransportChoice
  /** Issue 23: watched only; main refuses every action that changes Dinky. */
  readOnly?: boolean
}

export function newProfile(): ServerProfile {
  return createServerProfile({ id: crypto.randomUUID(), name: '', url: 'http://' })
}

export function ProfileFormModal({
  profile,
  onClose
}: {
  profile: ServerProfile | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  const api = useConsoleApi()
  const store = useConsoleStore()
  const sync = useConsoleSync()
  const { message } = App.useApp()
  const [form] = Form.useForm<ProfileForm>()
  const [test, setTest] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const collect = async () => {
    const values = await form.validateFields()
    const next: ServerProfile = { ...(profile as ServerProfile), ...values, url: values.url.trim() }
    delete (next as Partial<ProfileForm>).password
    return { profile: next, password: values.password ? values.password : null }
  }

  const runTest = async () => {
    setTest(null)
    setBusy(true)
    try {
      const result = await unwrap(api.invoke('profiles:test', await collect()))
      setTest({
        ok: true,
        text: t('settings.testOk', { ...result, transport: result.transport.toUpperCase() })
      })
    } catch (error) {
      setTest({ ok: false, text: testFailureText(t, error) })
    } finally {
      setBusy(false)
    }
  }

  const save = async () => {
    setBusy(true)
    try {
      const request = await collect()
      store.getState().setProfiles(await unwrap(api.invoke('profiles:save', request)))
      sync.resync([request.profile.id])
      void message.success(t('settings.saved'))
      onClose()
    } catch (error) {
      if (error instanceof Error)
        void message.error(t('common.failed', { message: errorMessage(error) }))
    } finally {
      setBusy(false)
    }
  }

  const required = [{ required: true, message: t('settings.required') }]
  return (
    <Modal
      open={profile !== null}
      title={profile?.name ? t('settings.editProfile') : t('settings.addProfile')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="test" onClick={() => void runTest()} loading={busy} data-testid="profile-test">
          {t('settings.test')}
        </Button>,
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="save"
          type="primary"
          onClick={() => void save()}
          loading={busy}
          data-testid="profile-save"
        >
          {t('common.save')}
        </Button>
      ]}
    >
      <Form<ProfileForm>
        form={form}
        layout="vertical"
        initialValues={profile ?? undefined}
        preserve={false}
      >
        <Form.Item name="name" label={t('settings.name')} rules={required}>
          <Input data-testid="profile-name" />
        </Form.Item>
        <Form.Item
          name="url"
          label={t('settings.url')}
          rules={[
            ...required,
            { pattern: /^https?:\/\/\S+$/, message: t('settings.invalidUrl') },
            {
              validator: async (_rule, value: unknown) => {
                if (typeof value === 'string' && hasUrlCredentials(value))
                  throw new Error(t('security.urlCredentials'))
              }
            }
          ]}
        >
          <Input placeholder="http://dinky.example.com:8888" data-testid="profile-url" />
        </Form.Item>
        <Form.Item name="username" label={t('settings.username')} rules={required}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="password" label={t('settings.password')}>
          <Input.Password placeholder={t('settings.passwordKeep')} autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="tenantId" label={t('settings.tenantId')} rules={required}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item name="transport" label={t('settings.transport')}>
          <Select
            options={[
              { value: 'auto', label: t('settings.transportAuto') },
              { value: 'sse', label: 'SSE (Dinky 1.0 – 1.1)' },
              { value: 'ws', label: 'WebSocket (Dinky 1.2+)' }
            ]}
          />
        </Form.Item>
        <Form.Item
          name="readOnly"
          label={t('readOnly.formLabel')}
          valuePropName="checked"
          extra={t('readOnly.formHelp')}
        >
          <Switch data-testid="profile-read-only" />
        </Form.Item>
      </Form>
      {test && (
        <Alert
          type={test.ok ? 'success' : 'error'}
          showIcon
          title={test.text}
          data-testid="profile-test-result"
        />
      )}
    </Modal>
  )
}
