/**
 * Diagnostics' findings: each recognised proxy or address problem with its evidence in the user's language, the
 * advice, and the nginx lines that fix it, copyable. Server text (a content type, the URL tried) is shown as text.
 * A finding that no longer holds stays listed, dimmed, with when it was seen and when it was resolved.
 */
import { CopyOutlined } from '@ant-design/icons'
import { notDinkyFix } from '../settings/test-failure-text'
import { Alert, App, Button, Card, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { NGINX_FIXES, type Diagnosis } from '../../../../shared/diagnosis'
import { formatDateTime } from '../../format/units'
import { errorMessage } from '../../ipc/unwrap-result'

/** The evidence's figures as the translation's values (seconds with one decimal). */
function evidenceValues(diagnosis: Diagnosis) {
  const { evidence } = diagnosis
  const ms = evidence.idleMs ?? evidence.waitedMs ?? 0
  return {
    status: evidence.status ?? '—',
    contentType: evidence.contentType ?? '',
    bytes: evidence.bytes ?? 0,
    times: evidence.times ?? 1,
    seconds: (Math.round(ms / 100) / 10).toString(),
    url: evidence.url ?? ''
  }
}

/** Findings whose console behaviour (polling, quiet reconnects, retries) is said while they hold. */
type WithWorkaround = 'proxy-buffering' | 'proxy-idle-timeout' | 'not-dinky' | 'jvm-stream-starved'
const hasWorkaround = (code: Diagnosis['code']): code is WithWorkaround =>
  code === 'proxy-buffering' ||
  code === 'proxy-idle-timeout' ||
  code === 'not-dinky' ||
  code === 'jvm-stream-starved'

/** Newest first, those that still hold before those resolved: the alarm on top, the history below. */
function holdingFirst(findings: readonly Diagnosis[]): Diagnosis[] {
  const resolved = (finding: Diagnosis) => Number(finding.resolvedAt !== undefined)
  return [...findings].reverse().sort((a, b) => resolved(a) - resolved(b))
}

export function ProxyFindings({ findings }: { findings: readonly Diagnosis[] }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text)
      void message.success(t('proxy.copied'))
    } catch (error) {
      void message.error(t('common.failed', { message: errorMessage(error) }))
    }
  }
  return (
    <Card size="small" title={t('proxy.findings')} style={{ marginBottom: 16 }}>
      {findings.length === 0 ? (
        <Typography.Text type="secondary">{t('proxy.noFindings')}</Typography.Text>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="proxy-findings">
          {holdingFirst(findings).map((finding) => (
            <Alert
              key={`${finding.code}:${finding.stream}`}
              type={
                finding.resolvedAt !== undefined
                  ? 'info'
                  : finding.code === 'proxy-idle-timeout' || finding.code === 'jvm-stream-starved'
                    ? 'warning'
                    : 'error'
              }
              showIcon
              data-testid={`finding-${finding.code}`}
              data-resolved={finding.resolvedAt !== undefined}
              style={finding.resolvedAt !== undefined ? { opacity: 0.6 } : undefined}
              title={`${t(`proxy.titles.${finding.code}`)} · ${t(`connection.streams.${finding.stream}`)}`}
              description={
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {finding.resolvedAt !== undefined && (
                    <Typography.Text type="secondary" data-testid="finding-resolved">
                      {t('proxy.resolved', {
                        seen: formatDateTime(finding.at),
                        resolved: formatDateTime(finding.resolvedAt)
                      })}
                    </Typography.Text>
                  )}
                  <span>
                    <strong>{t('proxy.evidence')}:</strong>{' '}
                    {finding.resolvedAt === undefined && hasWorkaround(finding.code)
                      ? t('proxy.evidenceWhileHolds', {
                          evidence: t(
                            `proxy.evidenceText.${finding.code}`,
                            evidenceValues(finding)
                          ),
                          workaround: t(`proxy.whileHolds.${finding.code}`)
                        })
                      : t(`proxy.evidenceText.${finding.code}`, evidenceValues(finding))}
                  </span>
                  <span>{t(`proxy.advice.${finding.code}`)}</span>
                  {finding.code === 'jvm-stream-starved' ? null : finding.code === 'not-dinky' ? (
                    // A wrong server URL is fixed in Settings, not in nginx: name the URL to use.
                    <strong data-testid="not-dinky-fix">
                      {notDinkyFix(t, finding.evidence.url ?? '')}
                    </strong>
                  ) : (
                    <>
                      <Typography.Text type="secondary">{t('proxy.fix')}</Typography.Text>
                      <pre
                        style={{ margin: 0, padding: 8, background: 'rgba(127,127,127,0.12)' }}
                        data-testid="nginx-snippet"
                      >
                        {NGINX_FIXES[finding.code]}
                      </pre>
                      <Button
                        size="small"
                        icon={<CopyOutlined />}
                        onClick={() => void copy(NGINX_FIXES[finding.code])}
                      >
                        {t('proxy.copy')}
                      </Button>
                    </>
                  )}
                </Space>
              }
            />
          ))}
        </Space>
      )}
    </Card>
  )
}
