/**
 * A failed load shown as an error alert: the headline is a translated sentence from the failure's kind, main's
 * technical message follows in small secondary text (selectable, for a bug report) — never the headline itself.
 */
import { Alert, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { failureText } from '../ipc/failure-text'

export function FailureAlert({
  error,
  titleKey
}: {
  error: unknown
  /** A catalogue key with a `{{message}}` slot, e.g. `jobDetail.loadFailed`. */
  titleKey:
    'jobDetail.loadFailed' | 'jobHealth.loadFailed' | 'metrics.loadFailed' | 'timeline.loadFailed'
}) {
  const { t } = useTranslation()
  const { reason, detail } = failureText(t, error)
  return (
    <Alert
      type="error"
      showIcon
      data-testid="failure-alert"
      title={t(titleKey, { message: reason })}
      description={
        detail !== reason && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="failure-detail">
            {detail}
          </Typography.Text>
        )
      }
    />
  )
}
