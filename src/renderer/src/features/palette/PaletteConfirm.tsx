/**
 * The palette's confirmation of a job action: the drawer's question and choice (job-action-specs), OK focused so
 * Enter confirms and Esc closes without acting. The request is the drawer's too (useRunJobAction), on the job's own
 * server, whichever server is shown.
 */
import { Button, Flex, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Job } from '../../../../shared/models'
import {
  JobActionChoice,
  type JobActionChoices,
  type JobActionSpec
} from '../jobs/job-action-specs'
import { useRunJobAction } from '../jobs/use-job-actions'

export function PaletteConfirm(props: {
  profileId: string
  job: Job
  spec: JobActionSpec
  onBack: () => void
  onDone: () => void
}) {
  const { profileId, job, spec, onBack, onDone } = props
  const { t } = useTranslation()
  const run = useRunJobAction()
  const [choices, setChoices] = useState<JobActionChoices>({ withSavepoint: false })
  const [busy, setBusy] = useState(false)

  const confirm = async () => {
    setBusy(true)
    await run(profileId, spec.request(job, choices))
    onDone()
  }

  return (
    <Flex vertical gap={12} className="palette-confirm" data-testid="command-palette-confirm">
      <Typography.Text strong>{spec.question(t, job)}</Typography.Text>
      <JobActionChoice spec={spec} t={t} choices={choices} onChange={setChoices} />
      <Flex gap={8} justify="flex-end">
        <Button onClick={onBack} data-testid="command-palette-confirm-back">
          {t('common.cancel')}
        </Button>
        <Button
          type="primary"
          danger={spec.danger}
          autoFocus
          loading={busy}
          onClick={() => void confirm()}
          data-testid={`command-palette-confirm-${spec.key}`}
        >
          {t('common.ok')}
        </Button>
      </Flex>
    </Flex>
  )
}
