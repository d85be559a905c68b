/**
 * The frame, laid out like Dinky's Ant Design Pro UI: a top bar (server, connection, avatar) over a side menu and
 * the current view. Views mount on demand; the store keeps their data, so switching never reloads. The Jobs view, once
 * opened, stays mounted and hidden while another view shows (`KeptView`): opening it again shows what is there
 * instead of building 6,000 jobs' table and its filters anew (the scale bench: about 110–250 ms a time), and its
 * filters and sort are as the operator left them. Hidden, it renders nothing until it shows again.
 */
import {
  ApiOutlined,
  AppstoreOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FileTextOutlined,
  ProfileOutlined,
  SettingOutlined
} from '@ant-design/icons'
import { Layout, Menu, theme } from 'antd'
import { memo, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ViewName } from '../../store/ui-slice'
import { useConsole } from '../../store/store-context'
import { ClustersView } from '../clusters/ClustersView'
import { DiagnosticsView } from '../diagnostics/DiagnosticsView'
import { FleetView } from '../fleet/FleetView'
import { JobsView } from '../jobs/JobsView'
import { JobDetailDrawer } from '../jobs/JobDetailDrawer'
import { LogsView } from '../logs/LogsView'
import { OverviewView } from '../overview/OverviewView'
import { SettingsView } from '../settings/SettingsView'
import { KeptView } from './KeptView'
import { TopBar } from './TopBar'
import { CommandPalette } from '../palette/CommandPalette'
import { ShortcutSheet } from '../keyboard/ShortcutSheet'
import { useGlobalShortcuts } from '../keyboard/use-global-shortcuts'

const MENU: Array<{ key: ViewName; icon: ReactNode }> = [
  { key: 'fleet', icon: <AppstoreOutlined /> },
  { key: 'overview', icon: <DashboardOutlined /> },
  { key: 'jobs', icon: <ProfileOutlined /> },
  { key: 'logs', icon: <FileTextOutlined /> },
  { key: 'clusters', icon: <ClusterOutlined /> },
  { key: 'diagnostics', icon: <ApiOutlined /> },
  { key: 'settings', icon: <SettingOutlined /> }
]

const VIEW_COMPONENTS: Record<ViewName, () => ReactNode> = {
  fleet: FleetView,
  overview: OverviewView,
  jobs: JobsView,
  logs: LogsView,
  clusters: ClustersView,
  diagnostics: DiagnosticsView,
  settings: SettingsView
}

/** The frame's parts take no props: a change of view redraws the menu and the views, not these. */
const Top = memo(TopBar)
const Drawer = memo(JobDetailDrawer)
const Palette = memo(CommandPalette)
const Shortcuts = memo(ShortcutSheet)

/** Views kept mounted (hidden) once opened. */
const KEPT: readonly ViewName[] = ['jobs']

export function AppShell() {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const view = useConsole((state) => state.view)
  const navigate = useConsole((state) => state.navigate)
  const View = VIEW_COMPONENTS[view]
  // Which kept views were opened: state adjusted while rendering, as React advises for state derived from props.
  const [opened, setOpened] = useState<readonly ViewName[]>([])
  if (KEPT.includes(view) && !opened.includes(view)) setOpened([...opened, view])
  useGlobalShortcuts()
  const menuItems = useMemo(
    () =>
      MENU.map(({ key, icon }) => ({
        key,
        icon,
        label: <span data-testid={`nav-${key}`}>{t(`nav.${key}`)}</span>
      })),
    [t]
  )

  return (
    <Layout style={{ height: '100vh' }}>
      <Top />
      <Layout>
        <Layout.Sider
          width={200}
          // Below about 1200 px the menu folds to its icons (labels as tooltips), leaving the width to tables.
          breakpoint="xl"
          collapsedWidth={56}
          data-testid="sider"
          theme="light"
          style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}
        >
          <Menu
            mode="inline"
            selectedKeys={[view]}
            style={{ borderInlineEnd: 'none', paddingTop: 8 }}
            items={menuItems}
            onClick={({ key }) => navigate(key as ViewName)}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 16, overflow: 'auto', background: token.colorBgLayout }}>
          {/* Each view in its own frame named after it: a kept view hidden beside the shown one is not part of it. */}
          {opened.map((name) => {
            const Kept = VIEW_COMPONENTS[name]
            return (
              <KeptView key={name} name={name} shown={name === view}>
                <Kept />
              </KeptView>
            )
          })}
          {!KEPT.includes(view) && (
            <div className="view-frame" data-testid={`view-${view}`}>
              <View />
            </div>
          )}
        </Layout.Content>
      </Layout>
      <Drawer />
      <Palette />
      <Shortcuts />
    </Layout>
  )
}
