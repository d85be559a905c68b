/**
 * The mark of a read-only server (issue 23) beside its name: a tag with a lock, its tooltip saying what it means.
 * Told in words as well as by the icon, never by colour alone.
 */
import { LockOutlined } from '@ant-design/icons'
import { Tag, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'

export function ReadOnlyTag() {
  const { t } = useTranslation()
  return (
    <Tooltip title={t('readOnly.disabled')}>
      <Tag icon={<LockOutlined />} data-testid="read-only-tag" style={{ marginInlineEnd: 0 }}>
        {t('readOnly.tag')}
      </Tag>
    </Tooltip>
  )
}
