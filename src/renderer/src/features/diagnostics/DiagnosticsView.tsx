/**
 * Diagnostics of the selected server (`diagnostics:get`, refreshed while open): state history with reasons,
 * heartbeat age and rhythm, reconnects, event rate, the stream's response headers with the two proxy smells
 * flagged (wrong Content-Type, bursty heartbeats), and a redacted export.
 */
import { ExportOutlined, ReloadOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Col, Descriptions, Row, Space, Statistic } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useServerName } from '../connection/server-name'
import type { Diagnostics } from '../../../../shared/session'
import { useNow } from '../../components/use-now'
import { ViewHeader } from '../../components/ViewHeader'
import { OpenLogsFolderButton } from './OpenLogsFolderButton'
import { formatAgo } from '../../format/units'
import { errorMessage, unwrap } from '../../ipc/unwrap-result'
import { selectProfile, selectProfileId } from '../../store/selectors'
import { useConsole, useConsoleApi } from '../../store/store-context'
import { ProxyFindings } from './ProxyFindings'
import { StateHistoryTable } from './StateHistoryTable'

const REFRESH_MS = 2_000

export function DiagnosticsView() {
  const { t, i18n } = useTranslation()
  const serverName = useServerName()
  const api = useConsoleApi()
  const { message } = App.useApp()
  const profileId = useConsole(selectProfileId)
  const profile = useConsole(selectProfile)
  const [loaded, setLoaded] = useState<{ diagnostics: Diagnostics | null; error: string | null }>({
    diagnostics: null,
    error: null
  })
  const now = useNow(REFRESH_MS)

  const load = useCallback(
    () =>
      unwrap(api.invoke('diagnostics:get', { profileId })).then(
        (value) => setLoaded({ diagnostics: value, error: null }),
        (error) => setLoaded((previous) => ({ ...previous, error: errorMessage(error) }))
      ),
    [api, profileId]
  )

  useEffect(() => {
    void load()
    const timer = setInterval(() => void load(), REFRESH_MS)
    return () => clearInterval(timer)
  }, [load])

  const exportDiagnostics = async () => {
    try {
      const { path } = await unwrap(api.invoke('diagnostics:export', { profileId }))
      if (path) void message.success(t('diagnostics.exported', { path }))
    } catch (error) {
      void message.error(t('common.failed', { message: errorMessage(error) }))
    }
  }

  const d = loaded.diagnostics?.profileId === profileId ? loaded.diagnostics : null
  return (
    <>
      <ViewHeader
        title={t('diagnostics.title', { server: serverName(profile) })}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => void load()}>
              {t('common.refresh')}
            </Button>
            <Button
              icon={<ExportOutlined />}
              onClick={() => void exportDiagnostics()}
              data-testid="diagnostics-export"
            >
              {t('diagnostics.export')}
            </Button>
            <OpenLogsFolderButton />
          </Space>
        }
      />
      {loaded.error && (
        <Alert
          type="error"
          showIcon
          title={t('common.failed', { message: loaded.error })}
          style={{ marginBottom: 16 }}
        />
      )}
      {d && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            {[
              [t('diagnostics.serverVersion'), d.serverVersion ?? '—'],
              [t('diagnostics.transport'), d.transport?.toUpperCase() ?? '—'],
              [
                t('diagnostics.lastHeartbeat'),
                d.lastHeartbeatAt === null
                  ? t('diagnostics.never')
                  : formatAgo(d.lastHeartbeatAt, Math.max(now, d.lastHeartbeatAt), i18n.language)
              ],
              [t('diagnostics.reconnects'), d.reconnects],
              [t('diagnostics.eventsPerSecond'), d.eventsPerSecond.toFixed(1)]
            ].map(([title, value]) => (
              <Col key={String(title)} flex="1 1 180px">
                <Card size="small">
                  <Statistic title={title} value={value} />
                </Card>
              </Col>
            ))}
          </Row>
          <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
            {d.contentTypeOk === false && (
              <Alert
                type="error"
                showIcon
                title={t('diagnostics.contentTypeBad')}
                data-testid="diag-content-type"
              />
            )}
            {d.heartbeatsBursty && (
              <Alert
                type="warning"
                showIcon
                title={t('diagnostics.bursty')}
                data-testid="diag-bursty"
              />
            )}
            {d.contentTypeOk !== false &&
              !d.heartbeatsBursty &&
              d.streamHeaders &&
              !d.findings?.some((finding) => finding.resolvedAt === undefined) && (
                <Alert type="success" showIcon title={t('diagnostics.healthy')} />
              )}
          </Space>
          <ProxyFindings findings={d.findings ?? []} />
          <Row gutter={16}>
            <Col xs={24} xl={14}>
              <StateHistoryTable history={d.history} />
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title={t('diagnostics.headers')} style={{ marginBottom: 16 }}>
                {d.streamHeaders ? (
                  <Descriptions size="small" column={1} bordered data-testid="diag-headers">
                    {Object.entries(d.streamHeaders).map(([name, value]) => (
                      <Descriptions.Item key={name} label={name}>
                        <code>{value}</code>
                      </Descriptions.Item>
                    ))}
                  </Descriptions>
                ) : (
                  t('diagnostics.noHeaders')
                )}
              </Card>
              <Card size="small" title={t('diagnostics.heartbeatIntervals')}>
                <code>
                  {d.heartbeatIntervalsMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(' · ') ||
                    '—'}
                </code>
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  )
}
