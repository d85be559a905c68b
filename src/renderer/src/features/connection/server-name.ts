/** How a server is named in the UI, the same in the switcher, prompts and dialogs. */
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { DEMO_PROFILE_NAME } from '../../../../shared/profiles'

interface Named {
  name: string
  demo: boolean
}

/**
 * The built-in demo keeps its default name in the UI language ("Demo server" / "演示服务器"); a renamed demo shows
 * its name with the demo mark; any other server shows its name.
 */
export function serverLabel(profile: Named, demoMark: string, demoServer: string): string {
  if (!profile.demo) return profile.name
  return profile.name === DEMO_PROFILE_NAME ? demoServer : `${profile.name} (${demoMark})`
}

export function useServerName(): (profile: Named | undefined | null) => string {
  const { t } = useTranslation()
  return useCallback(
    (profile) => (profile ? serverLabel(profile, t('servers.demo'), t('servers.demoServer')) : ''),
    [t]
  )
}
