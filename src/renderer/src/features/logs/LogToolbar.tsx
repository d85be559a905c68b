/**
 * The log viewer's controls, in one row at a 1280 px window in either language: the toggles and the copy/save
 * actions are icon buttons named by tooltip and aria-label, and the match count sits inside the search box.
 * Stateless: the viewer owns the state, this only draws it and reports intents.
 */
import {
  CopyOutlined,
  DownloadOutlined,
  DownOutlined,
  EnterOutlined,
  FieldTimeOutlined,
  PauseOutlined,
  PlayCircleOutlined,
  UpOutlined
} from '@ant-design/icons'
import { Button, Checkbox, Flex, Input, Space, Tooltip, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LOG_LEVELS, type LogLevel } from '../../logs/log-level'

export interface LogToolbarProps {
  following: boolean
  onFollow: () => void
  onPause: () => void
  search: string
  searchError: string | null
  onSearch: (value: string) => void
  matchCount: number
  matchPosition: number
  onStep: (direction: 1 | -1) => void
  levels: LogLevel[]
  onLevels: (levels: LogLevel[]) => void
  wrap: boolean
  onWrap: (wrap: boolean) => void
  timestamps: boolean
  onTimestamps: (timestamps: boolean) => void
  onCopy: () => void
  onSave: () => void
  shown: number
  total: number
}

export function LogToolbar(props: LogToolbarProps) {
  const { t } = useTranslation()
  const matchCount = props.search !== '' && !props.searchError && (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="log-match-count">
      {props.matchCount === 0
        ? t('logs.noMatches')
        : t('logs.matches', { current: props.matchPosition, total: props.matchCount })}
    </Typography.Text>
  )
  return (
    <div style={{ marginBottom: 8 }}>
      <Flex wrap gap={8} align="center">
        {props.following ? (
          <Button icon={<PauseOutlined />} onClick={props.onPause} data-testid="log-pause">
            {t('logs.pause')}
          </Button>
        ) : (
          <Button
            type="primary"
            icon={<PlayCircleOutlined />}
            onClick={props.onFollow}
            data-testid="log-follow"
          >
            {t('logs.follow')}
          </Button>
        )}
        <Space.Compact>
          <Input
            allowClear
            placeholder={t('logs.search')}
            value={props.search}
            status={props.searchError ? 'error' : undefined}
            onChange={(event) => props.onSearch(event.target.value)}
            onPressEnter={(event) => props.onStep(event.shiftKey ? -1 : 1)}
            suffix={matchCount || <span />}
            style={{ width: 240 }}
            data-testid="log-search"
          />
          <Tooltip title={t('logs.previous')}>
            <Button
              icon={<UpOutlined />}
              aria-label={t('logs.previous')}
              onClick={() => props.onStep(-1)}
              disabled={props.matchCount === 0}
              data-testid="log-prev"
            />
          </Tooltip>
          <Tooltip title={t('logs.next')}>
            <Button
              icon={<DownOutlined />}
              aria-label={t('logs.next')}
              onClick={() => props.onStep(1)}
              disabled={props.matchCount === 0}
              data-testid="log-next"
            />
          </Tooltip>
        </Space.Compact>
        <Checkbox.Group
          value={props.levels}
          onChange={(values) => props.onLevels(values as LogLevel[])}
          options={LOG_LEVELS.map((level) => ({ value: level, label: level }))}
          data-testid="log-levels"
        />
        <Space size={4}>
          <ToggleButton
            on={props.wrap}
            onChange={props.onWrap}
            icon={<EnterOutlined />}
            label={t('logs.wrap')}
            testId="log-wrap"
          />
          <ToggleButton
            on={props.timestamps}
            onChange={props.onTimestamps}
            icon={<FieldTimeOutlined />}
            label={t('logs.timestamps')}
            testId="log-timestamps"
          />
          <IconButton
            icon={<CopyOutlined />}
            label={t('logs.copy')}
            onClick={props.onCopy}
            testId="log-copy"
          />
          <IconButton
            icon={<DownloadOutlined />}
            label={t('logs.saveFile')}
            onClick={props.onSave}
            testId="log-save"
          />
        </Space>
        <Typography.Text
          type="secondary"
          style={{ marginLeft: 'auto', whiteSpace: 'nowrap' }}
          data-testid="log-count"
        >
          {t('logs.lines', {
            shown: props.shown.toLocaleString(),
            total: props.total.toLocaleString()
          })}
        </Typography.Text>
      </Flex>
      {props.searchError && (
        <Typography.Text type="danger" data-testid="log-search-error">
          {t('logs.invalidRegex', { message: props.searchError })}
        </Typography.Text>
      )}
    </div>
  )
}

interface IconButtonProps {
  icon: ReactNode
  label: string
  onClick: () => void
  testId: string
}

/** An action drawn as its icon alone; the tooltip and aria-label say what it does. */
function IconButton({ icon, label, onClick, testId }: IconButtonProps) {
  return (
    <Tooltip title={label}>
      <Button icon={icon} aria-label={label} onClick={onClick} data-testid={testId} />
    </Tooltip>
  )
}

interface ToggleButtonProps {
  on: boolean
  onChange: (on: boolean) => void
  icon: ReactNode
  label: string
  testId: string
}

/** A switch drawn as a pressable icon: filled while on, outlined while off, with aria-pressed for both. */
function ToggleButton({ on, onChange, icon, label, testId }: ToggleButtonProps) {
  return (
    <Tooltip title={label}>
      <Button
        color={on ? 'primary' : 'default'}
        variant={on ? 'filled' : 'outlined'}
        icon={icon}
        aria-label={label}
        aria-pressed={on}
        onClick={() => onChange(!on)}
        data-testid={testId}
      />
    </Tooltip>
  )
}
