/** The password prompt after "Login expired": `session:login`, then the session resumes on its own. */
import { Alert, Form, Input, Modal, Typography } from 'antd'
import { memo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useServerName } from './server-name'
import { errorMessage, failureCode, unwrap } from '../../ipc/unwrap-result'
import { selectProfile } from '../../store/selectors'
import { useConsole, useConsoleApi, useConsoleSync } from '../../store/store-context'

/** Memoized: the connection badge that holds it redraws on every jobs push of its server. */
export const LoginModal = memo(function LoginModal({
  open,
  onClose
}: {
  open: boolean
  onClose: () => void
}) {
  const { t } = useTranslation()
  const serverName = useServerName()
  const api = useConsoleApi()
  const sync = useConsoleSync()
  const profile = useConsole(selectProfile)
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const submit = async () => {
    if (!profile) return
    setBusy(true)
    setError(null)
    try {
      const req = { profileId: profile.id, password: password === '' ? null : password }
      await unwrap(api.invoke('session:login', req))
      setPassword('')
      sync.resync([profile.id])
      onClose()
    } catch (failure) {
      // Shown once, inside the prompt, where the person is typing: a toast would cover the badge and repeat it.
      setError(
        failureCode(failure) === 'login-failed'
          ? t('login.refused')
          : t('login.failed', { message: errorMessage(failure) })
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      open={open}
      title={t('login.title', { server: serverName(profile) })}
      okText={t('login.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={() => {
        // A later opening starts clean: no old refusal, no half-typed password.
        setError(null)
        setPassword('')
        onClose()
      }}
      okButtonProps={{ 'data-testid': 'login-submit' }}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t('login.body', { username: profile?.username ?? '' })}
      </Typography.Paragraph>
      <Form layout="vertical" onFinish={() => void submit()}>
        <Form.Item label={t('login.password')}>
          <Input.Password
            autoFocus
            value={password}
            placeholder={t('login.passwordPlaceholder')}
            onChange={(event) => setPassword(event.target.value)}
            onPressEnter={() => void submit()}
            data-testid="login-password"
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" title={error} showIcon />}
    </Modal>
  )
})
