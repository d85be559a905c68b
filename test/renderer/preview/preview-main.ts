/**
 * Preview entry: installs the demo `window.api`, then loads the real renderer entry unchanged. The CSP is the
 * app's own (no inline scripts, no remote resources), so what renders here renders in the app.
 */
import { createDemoApi } from './demo-api'

const params = new URLSearchParams(location.search)
const demo = createDemoApi(params)
window.api = demo.api as unknown as Window['api']
;(window as unknown as { demo: typeof demo }).demo = demo

void import('../../../src/renderer/src/main').then(() => {
  const view = params.get('view')
  const job = params.get('job')
  // Main would send these after a notification click; the preview uses the same path.
  setTimeout(() => {
    if (view)
      demo.push('app:navigate', [
        { profileId: 'prod', view: view as 'jobs', jobId: job ? Number(job) : undefined }
      ])
  }, 50)
})
