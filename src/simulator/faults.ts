/**
 * The request-level faults a proxy or a sick server produces: the next N answers replaced by nginx's 502 page or
 * by a 200 `text/html` page (a captive portal or an SSO login in front of Dinky), and a delay before every answer.
 */

import type { ServerResponse } from 'node:http'

export type FailureKind = 'bad-gateway' | 'html'

const NGINX_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n' +
  '<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n'

const PORTAL_PAGE =
  '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Sign in – Corporate SSO</title></head>\n' +
  '<body><form method="post" action="/sso/login"><input name="user"><input name="pass" type="password">' +
  '<button>Sign in</button></form></body></html>\n'

export class Faults {
  private failures: FailureKind[] = []
  slowMs = 0

  /** Queues `count` failed answers of `kind`. */
  failNext(count: number, kind: FailureKind): void {
    for (let i = 0; i < count; i++) this.failures.push(kind)
  }

  /** Takes the next queued failure, if any. */
  takeFailure(): FailureKind | undefined {
    return this.failures.shift()
  }

  /** The HTML page of a failure kind. */
  pageFor(kind: FailureKind | undefined): string {
    return kind === 'html' ? PORTAL_PAGE : NGINX_502
  }

  /** Answers the request with the next queued failure, if any; true when it did. */
  answerWithFailure(res: ServerResponse): boolean {
    const kind = this.takeFailure()
    if (!kind) return false
    const body = this.pageFor(kind)
    res.writeHead(kind === 'bad-gateway' ? 502 : 200, {
      'Content-Type': 'text/html',
      'Content-Length': Buffer.byteLength(body),
      Server: 'nginx/1.24.0'
    })
    res.end(body)
    return true
  }

  pendingFailures(): number {
    return this.failures.length
  }

  clear(): void {
    this.failures = []
    this.slowMs = 0
  }
}
