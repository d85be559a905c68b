/**
 * The connection badge of the selected server: one look per state (Live; Reconnecting in N s with "Retry now";
 * Offline; Login expired with "Log in again"; ...), with the reason in a tooltip, plus "Stale since HH:MM" whenever
 * the data on screen is not live. With no data ever read (a first run against a wrong or unreachable address) it
 * says "No data yet" and the failure instead: nothing is cached, so "Stale since … (cached data)" would be false.
 */
import type { TFunction } from 'i18next'
import { Badge, Button, Space, Tag, Tooltip } from 'antd'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConnectionState } from '../../../../shared/connection'
import { useNow } from '../../components/use-now'
import { formatClock } from '../../format/units'
import { selectConnection, selectJobs, selectProfileId } from '../../store/selectors'
import { useConsole, useConsoleApi } from '../../store/store-context'
import { CONNECTION_DOT } from './connection-dot'
import { LoginModal } from './LoginModal'

export function ConnectionBadge() {
  const { t } = useTranslation()
  const api = useConsoleApi()
  const state = useConsole(selectConnection)
  const profileId = useConsole(selectProfileId)
  // Only the list's age: the whole list would redraw the badge on every jobs push of its server.
  const jobsAsOf = useConsole((s) => selectJobs(s)?.asOf)
  const now = useNow(1000)
  const [loginOpen, setLoginOpen] = useState(false)
  const closeLogin = useCallback(() => setLoginOpen(false), [])

  const label = badgeLabel(state, now, t)
  const reason = state && 'reason' in state ? state.reason : null
  // A refused redirect names both URLs: the person must see where the server tried to send the login.
  const detail = state?.kind === 'reconnecting' && state.detail ? `: ${state.detail}` : ''
  const navigate = useConsole((s) => s.navigate)
  // Degraded is live data by polling: not stale.
  const notLive = state !== undefined && state.kind !== 'live' && state.kind !== 'degraded'
  const staleSince = notLive && jobsAsOf !== undefined ? jobsAsOf : null
  // While still connecting, no data is simply not there yet; past that, say that nothing was ever read.
  const neverRead = notLive && jobsAsOf === undefined && state.kind !== 'connecting'
  const explained = state?.kind === 'degraded' || reason === 'not-dinky'

  return (
    <Space size="small" data-testid="connection">
      <Tooltip
        title={
          reason
            ? t('connection.reasonLabel', { reason: t(`connection.reasons.${reason}`) }) + detail
            : null
        }
      >
        <span data-testid="connection-badge" data-state={state?.kind ?? 'none'}>
          <Badge status={state ? CONNECTION_DOT[state.kind] : 'default'} text={label} />
        </span>
      </Tooltip>
      {explained && (
        <Button
          size="small"
          type="link"
          data-testid="connection-why"
          onClick={() => navigate('diagnostics')}
        >
          {t('proxy.openDiagnostics')}
        </Button>
      )}
      {state?.kind === 'reconnecting' && (
        <Button
          size="small"
          data-testid="retry-now"
          onClick={() => void api.invoke('session:retry-now', { profileId })}
        >
          {t('connection.retryNow')}
        </Button>
      )}
      {state?.kind === 'auth-expired' && (
        <Button
          size="small"
          type="primary"
          danger
          data-testid="log-in-again"
          onClick={() => setLoginOpen(true)}
        >
          {t('connection.logInAgain')}
        </Button>
      )}
      {staleSince !== null && (
        <Tag color="warning" data-testid="stale-since">
          {t('connection.staleSince', { time: formatClock(staleSince) })}
        </Tag>
      )}
      {neverRead && (
        <Tag color="error" data-testid="no-data-yet">
          {reason && reason !== 'not-dinky'
            ? t('connection.noDataYetBecause', { reason: t(`connection.reasons.${reason}`) })
            : t('freshness.noData')}
        </Tag>
      )}
      <LoginModal open={loginOpen} onClose={closeLogin} />
    </Space>
  )
}

/** The badge text of a state; `now` drives the reconnect countdown. */
export function badgeLabel(state: ConnectionState | undefined, now: number, t: TFunction): string {
  switch (state?.kind) {
    case undefined:
      return t('connection.unknown')
    case 'live':
      return t('connection.live')
    case 'connecting':
      return t('connection.connecting')
    case 'reconnecting':
      if (state.reason === 'not-dinky') return t('proxy.notDinky')
      return t('connection.reconnecting', {
        // The ticking clock can be up to a tick older than the state itself; never count from before it began.
        seconds: Math.max(0, Math.ceil((state.retryAt - Math.max(now, state.since)) / 1000)),
        attempt: state.attempt
      })
    case 'offline':
      return t('connection.offline')
    case 'auth-expired':
      return t('connection.authExpired')
    case 'stopped':
      return t('connection.stopped')
    case 'degraded':
      return t('proxy.degraded')
  }
}
