/**
 * The app process's end of the link to the test process. The stand-in's modules send notices and requests through
 * it; `routeTestRequests` (installed by the app entry) answers what the test process asks.
 */
import type { AppNotice, AppRequest, TestRequest } from '../protocol'
import { createRpcLink, type MessageEndpoint } from '../rpc-link'

let requestRouter: (request: TestRequest) => unknown = () => {
  throw new Error('The electron stand-in is not started yet')
}

const link = createRpcLink<AppNotice, AppRequest, never, TestRequest>(process as MessageEndpoint, {
  onNotice: () => undefined,
  onRequest: (request) => requestRouter(request)
})

/**
 * Sends a notice; outside the harness (no IPC channel) it is dropped, so the stand-in can also be imported alone.
 * Resolves once the notice is on the channel (a process about to exit waits for that).
 */
export function notifyTest(notice: AppNotice): Promise<void> {
  if (!process.send) return Promise.resolve()
  return link.notify(notice).catch(() => undefined)
}

/** Asks the test process (which owns Chromium) to do something and waits for it. */
export function requestTest<T = unknown>(request: AppRequest): Promise<T> {
  if (!process.send) return Promise.reject(new Error('Not running under the e2e harness'))
  return link.request<T>(request)
}

export function setTestRequestRouter(router: (request: TestRequest) => unknown): void {
  requestRouter = router
}

export function closeTestLink(): void {
  link.close('app exited')
}
