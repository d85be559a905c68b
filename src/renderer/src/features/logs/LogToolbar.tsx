/** The log viewer's controls. Stateless: the viewer owns the state, this only draws it and reports intents. */
import {
  CopyOutlined,
  DownloadOutlined,
  DownOutlined,
  PauseOutlined,
  PlayCircleOutlined,
  UpOutlined,
  VerticalAlignBottomOutlined
} from '@ant-design/icons'
import { Button, Checkbox, Flex, Input, Space, Switch, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { LOG_LEVELS, type LogLevel } from '../../logs/log-level'

export interface LogToolbarProps {
  following: boolean
  newLines: number
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
        {!props.following && props.newLines > 0 && (
          <Button
            icon={<VerticalAlignBottomOutlined />}
            onClick={props.onFollow}
            data-testid="log-new-lines"
          >
            {t('logs.newLines', { count: props.newLines })}
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
            style={{ width: 260 }}
            data-testid="log-search"
          />
          <Tooltip title={t('logs.previous')}>
            <Button
              icon={<UpOutlined />}
              onClick={() => props.onStep(-1)}
              disabled={props.matchCount === 0}
              data-testid="log-prev"
            />
          </Tooltip>
          <Tooltip title={t('logs.next')}>
            <Button
              icon={<DownOutlined />}
              onClick={() => props.onStep(1)}
              disabled={props.matchCount === 0}
              data-testid="log-next"
            />
          </Tooltip>
        </Space.Compact>
        {props.search !== '' && !props.searchError && (
          <Typography.Text type="secondary" data-testid="log-match-count">
            {props.matchCount === 0
              ? t('logs.noMatches')
              : t('logs.matches', { current: props.matchPosition, total: props.matchCount })}
          </Typography.Text>
        )}
        <Checkbox.Group
          value={props.levels}
          onChange={(values) => props.onLevels(values as LogLevel[])}
          options={LOG_LEVELS.map((level) => ({ value: level, label: level }))}
          data-testid="log-levels"
        />
        <Space size={4}>
          <Switch
            size="small"
            checked={props.wrap}
            onChange={props.onWrap}
            data-testid="log-wrap"
          />
          {t('logs.wrap')}
        </Space>
        <Space size={4}>
          <Switch
            size="small"
            checked={props.timestamps}
            onChange={props.onTimestamps}
            data-testid="log-timestamps"
          />
          {t('logs.timestamps')}
        </Space>
        <Button icon={<CopyOutlined />} onClick={props.onCopy} data-testid="log-copy">
          {t('logs.copy')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={props.onSave} data-testid="log-save">
          {t('logs.saveFile')}
        </Button>
        <Typography.Text type="secondary" style={{ marginLeft: 'auto' }} data-testid="log-count">
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
