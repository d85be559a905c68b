/**
 * Named diagnoses of what stands between the console and Dinky (a buffering proxy, an idle timeout below the
 * heartbeat, an error page, a blocked WebSocket upgrade, an address that is not Dinky): each with the evidence that
 * led to it and the fix, so the CLI, the badge and the Diagnostics view say the same thing.
 */
import type { StreamName } from './connection'

export const DIAGNOSIS_CODES = [
  'proxy-buffering',
  'proxy-idle-timeout',
  'proxy-error-page',
  'proxy-no-websocket',
  'proxy-rewrites',
  'not-dinky',
  // Not a proxy: Dinky 1.0/1.1 feeds at most 10 JVM streams since it started (`jvm-starvation.ts`).
  'jvm-stream-starved'
] as const
export type DiagnosisCode = (typeof DIAGNOSIS_CODES)[number]

export interface Diagnosis {
  code: DiagnosisCode
  stream: StreamName
  /** What was measured, in English (the CLI prints it; the UI localises from `evidence`). */
  detail: string
  /** The fix, in English. */
  advice: string
  /** The figures behind the diagnosis, for the UI's localised text. */
  evidence: DiagnosisEvidence
  at: number
  /**
   * When the condition was last seen gone (the stream flowing again for a while, REST answering again, a longer
   * silence survived); absent while it holds. A new sighting replaces the finding, unresolved.
   */
  resolvedAt?: number
}

export interface DiagnosisEvidence {
  /** HTTP status seen, when one was. */
  status?: number
  contentType?: string
  /** Body bytes received within `waitedMs`, and how many attempts in a row did so. */
  bytes?: number
  waitedMs?: number
  times?: number
  /** The measured idle time before each proxy cut (ms). */
  idleMs?: number
  /** The URL tried (no secrets: `/api/version` is anonymous). */
  url?: string
}

/** The nginx lines that fix each diagnosis (inside the `location` that proxies Dinky). */
export const NGINX_FIXES: Record<DiagnosisCode, string> = {
  'proxy-buffering': [
    'proxy_buffering off;',
    'proxy_cache off;',
    'proxy_http_version 1.1;',
    'proxy_set_header Connection "";'
  ].join('\n'),
  'proxy-idle-timeout': 'proxy_read_timeout 120s;\nproxy_send_timeout 120s;',
  'proxy-error-page': [
    '# nginx answered for Dinky: check that Dinky runs and that proxy_pass points at it, e.g.',
    'proxy_pass http://127.0.0.1:8888;'
  ].join('\n'),
  'proxy-no-websocket': [
    'proxy_http_version 1.1;',
    'proxy_set_header Upgrade $http_upgrade;',
    'proxy_set_header Connection "upgrade";',
    'proxy_read_timeout 120s;'
  ].join('\n'),
  'proxy-rewrites': [
    "# let Dinky's own Content-Type through unchanged:",
    'proxy_buffering off;',
    '# and remove any sub_filter / add_header Content-Type / default_type for /api/'
  ].join('\n'),
  'not-dinky': "# the server URL is Dinky's own root, e.g. http://host:8888 (no /api suffix)",
  'jvm-stream-starved': [
    '# not a proxy setting: Dinky 1.0/1.1 feeds only the first 10 JVM streams since it started;',
    '# restarting Dinky frees them (close other consoles and browser tabs of Dinky first)'
  ].join('\n')
}
