/**
 * How much timeline each server keeps (issue 22): events younger than N days, at most M of them. Applied at once to
 * the running sessions (main reads the bounds at every change of the timeline).
 */
import { App, Card, Form, InputNumber, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { DEFAULT_TIMELINE_SETTINGS, type TimelineSettings } from '../../../../shared/timeline'
import { errorMessage } from '../../ipc/unwrap-result'
import { useConsole } from '../../store/store-context'
import { useSaveSettings } from '../shell/TopBar'

/** The bounds the settings channel accepts (request-schemas.ts). */
export const TIMELINE_BOUNDS = { maxAgeDays: [1, 365], maxEvents: [100, 50_000] } as const

export function TimelineSettingsCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const bounds = useConsole((state) => state.settings.timeline) ?? DEFAULT_TIMELINE_SETTINGS
  const save = useSaveSettings()
  const change = async (patch: Partial<TimelineSettings>) => {
    try {
      await save({ timeline: { ...bounds, ...patch } })
      void message.success(t('settings.saved'))
    } catch (error) {
      void message.error(t('common.failed', { message: errorMessage(error) }))
    }
  }
  return (
    <Card size="small" title={t('timeline.settings.title')} style={{ marginBottom: 16 }}>
      <Form layout="horizontal" labelCol={{ flex: '260px' }} labelAlign="left" colon={false}>
        <Form.Item label={t('timeline.settings.maxAgeDays')} htmlFor="timeline-max-age">
          <InputNumber
            id="timeline-max-age"
            min={TIMELINE_BOUNDS.maxAgeDays[0]}
            max={TIMELINE_BOUNDS.maxAgeDays[1]}
            precision={0}
            value={bounds.maxAgeDays}
            onChange={(value) => value !== null && void change({ maxAgeDays: value })}
            data-testid="timeline-max-age"
          />
        </Form.Item>
        <Form.Item label={t('timeline.settings.maxEvents')} htmlFor="timeline-max-events">
          <InputNumber
            id="timeline-max-events"
            min={TIMELINE_BOUNDS.maxEvents[0]}
            max={TIMELINE_BOUNDS.maxEvents[1]}
            step={1_000}
            precision={0}
            value={bounds.maxEvents}
            onChange={(value) => value !== null && void change({ maxEvents: value })}
            data-testid="timeline-max-events"
          />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">{t('timeline.settings.help')}</Typography.Text>
    </Card>
  )
}
