/** Chinese strings of read-only servers (issue 23), the same keys as `read-only-en-US.ts`. */
import type { CatalogueShape } from './en-US'

export const readOnlyZhCN: CatalogueShape['readOnly'] = {
  tag: '只读',
  formLabel: '只读服务器',
  formHelp: '仅监看：控制台不会在此服务器上取消、重启、触发保存点、恢复作业或保存指标布局。',
  disabled: '只读服务器：已在其配置中禁用操作'
}
