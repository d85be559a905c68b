/**
 * A job status as Dinky's web UI shows it: a coloured tag with an icon and the translated status name.
 *
 * Drawn as a plain span with antd's Tag look (`.status-tag` in styles.css reads antd's theme variables), not antd's
 * Tag: a table of thousands of jobs and every fleet card redraw these on each change, and antd's Tag costs a style
 * hook and a cloned icon per tag per redraw (the scale bench). The icons are made once, so a redraw that keeps a status
 * leaves its icon alone.
 */
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  ExclamationCircleOutlined,
  MinusCircleOutlined,
  QuestionCircleOutlined,
  SyncOutlined
} from '@ant-design/icons'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { JobStatus } from '../../../shared/models'

/** antd's preset tag colours, and its "processing" and default looks. */
type Tone = 'default' | 'processing' | 'green' | 'red' | 'orange' | 'blue' | 'gold'

interface Look {
  tone: Tone
  icon: ReactElement
  /** The icon that does not spin (the same as `icon` when it never does). */
  still: ReactElement
}

function look(tone: Tone, Icon: typeof SyncOutlined, spins = false): Look {
  const still = <Icon />
  return { tone, icon: spins ? <Icon spin /> : still, still }
}

const LOOK: Record<JobStatus, Look> = {
  INITIALIZING: look('default', ClockCircleOutlined),
  CREATED: look('default', ClockCircleOutlined),
  RUNNING: look('green', SyncOutlined, true),
  FAILING: look('red', ExclamationCircleOutlined),
  FAILED: look('red', CloseCircleOutlined),
  CANCELLING: look('orange', SyncOutlined, true),
  CANCELED: look('orange', MinusCircleOutlined),
  FINISHED: look('blue', CheckCircleOutlined),
  RESTARTING: look('gold', SyncOutlined, true),
  SUSPENDED: look('default', MinusCircleOutlined),
  RECONCILING: look('processing', SyncOutlined, true),
  RECONNECTING: look('processing', SyncOutlined, true),
  UNKNOWN: look('default', QuestionCircleOutlined)
}

/**
 * `count`: how many jobs have this status (the fleet cards' counts), shown after the name. `still`: the icon does not
 * spin. A table of thousands of jobs shows dozens of running ones at once, and dozens of spinning icons redraw the
 * window every frame while nothing happens.
 */
export function JobStatusTag({
  status,
  count,
  still
}: {
  status: JobStatus
  count?: number
  still?: boolean
}) {
  const { t } = useTranslation()
  const { tone, icon, still: stillIcon } = LOOK[status]
  return (
    <span className="status-tag" data-tone={tone} data-testid="job-status">
      {still ? stillIcon : icon}
      <span>
        {t(`status.${status}`)}
        {count === undefined ? null : ` ${count}`}
      </span>
    </span>
  )
}
