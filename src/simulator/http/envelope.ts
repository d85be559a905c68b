/**
 * Dinky's response envelopes, byte for byte: `Result<T>` (data, code, msg, time, success, in that order),
 * `ProTableResult<T>`, and Spring Boot's default error body for what never reaches a Dinky controller. The `msg`
 * texts follow Dinky's i18n bundles, in the process-global language a request last chose.
 */

import { formatDateTime, formatErrorTimestamp } from '../world/time-format'

export const CODE = {
  SUCCESS: 0,
  ERROR: 1,
  EXCEPTION: 5,
  PARAMS_ERROR: 6,
  AUTHORIZE_ERROR: 7
} as const

const MESSAGES = {
  SUCCESS: ['Successfully', '获取成功'],
  QUERY_SUCCESS: ['Query Successfully', '查询成功'],
  LOGIN_SUCCESS: ['Login Successfully', '登录成功'],
  LOGIN_FAILURE: ['UserName Or Password Not Correct', '用户名或密码不正确'],
  USER_NOT_EXIST: ['User Not Exist', '用户不存在'],
  SELECT_TENANT_SUCCESS: ['Select Tenant Success', '选择租户成功'],
  SIGN_OUT_SUCCESS: ['Sign Out Successfully', '退出成功'],
  EXECUTE_SUCCESS: ['Execute Successfully', '执行成功'],
  RESTART_SUCCESS: ['Restart Successfully', '重启成功'],
  OPERATE_FAILED: ['Operate Failed', '操作失败'],
  NOT_TOKEN: ['Can Not Read Token', '未能读取到有效 Token'],
  INVALID_TOKEN: ['Invalid Token', '无效的 Token'],
  EXPIRED_TOKEN: ['Expired Token', 'Token 已过期'],
  BE_REPLACED: ['token has been pushed offline', 'token 已被顶下线'],
  KICK_OUT: ['token has been kicked offline', 'token 已被踢下线']
} as const

export type MessageKey = keyof typeof MESSAGES

/** Dinky's `Locale.setDefault` from the `language` header or cookie: global, the last request wins. */
export class Language {
  constructor(private current: string) {}

  set(value: string | undefined): void {
    if (value === 'zh-CN' || value === 'en-US') this.current = value
  }

  message(key: MessageKey): string {
    return MESSAGES[key][this.current === 'zh-CN' ? 1 : 0]
  }
}

export interface Reply {
  status: number
  headers: Record<string, string | string[]>
  body: string
}

/** A `Result<T>`; why a builder: Dinky's field order and `time` format are part of the contract. */
export function resultBody(data: unknown, code: number, msg: string, at: number): string {
  return JSON.stringify({
    data,
    code,
    msg,
    time: formatDateTime(at),
    success: code === CODE.SUCCESS
  })
}

export function jsonReply(
  body: string,
  status = 200,
  headers: Record<string, string | string[]> = {}
): Reply {
  return { status, headers: { 'Content-Type': 'application/json', ...headers }, body }
}

/** `ProTableResult<T>` as ProTable list endpoints return it. */
export function proTableBody(
  data: unknown[],
  total: number,
  current: number,
  pageSize: number
): string {
  return JSON.stringify({ total, success: true, current, pageSize, data })
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error'
}

/** Spring Boot's `BasicErrorController` JSON, for a path no controller maps (404). */
export function springErrorReply(status: number, path: string, at: number): Reply {
  const body = JSON.stringify({
    timestamp: formatErrorTimestamp(at),
    status,
    error: REASONS[status] ?? 'Error',
    path
  })
  return jsonReply(body, status)
}

/** What Spring MVC rejects before a Dinky controller method runs, as its exception says it. */
export type SpringRejection =
  | { kind: 'missing-cookie'; name: string; type: string }
  | { kind: 'missing-param'; name: string; type: string }
  | { kind: 'unreadable-body'; detail: string }
  | { kind: 'method'; method: string }
  | { kind: 'type-mismatch'; value: string; type: string }

const REJECTIONS: Record<SpringRejection['kind'], string> = {
  'missing-cookie': 'org.springframework.web.bind.MissingRequestCookieException',
  'missing-param': 'org.springframework.web.bind.MissingServletRequestParameterException',
  'unreadable-body': 'org.springframework.http.converter.HttpMessageNotReadableException',
  method: 'org.springframework.web.HttpRequestMethodNotSupportedException',
  'type-mismatch': 'org.springframework.web.method.annotation.MethodArgumentTypeMismatchException'
}

function rejectionMessage(rejection: SpringRejection): string {
  switch (rejection.kind) {
    case 'missing-cookie':
      return `Required cookie '${rejection.name}' for method parameter type ${rejection.type} is not present`
    case 'missing-param':
      return `Required request parameter '${rejection.name}' for method parameter type ${rejection.type} is not present`
    case 'unreadable-body':
      return rejection.detail
    case 'method':
      return `Request method '${rejection.method}' not supported`
    case 'type-mismatch':
      return (
        `Failed to convert value of type 'java.lang.String' to required type '${rejection.type}'; ` +
        `nested exception is java.lang.NumberFormatException: For input string: "${rejection.value}"`
      )
  }
}

/**
 * Why not Spring's 400/405: Dinky's catch-all `UnKnownExceptionHandler` (`@ExceptionHandler Exception`) sees these
 * first and answers HTTP 200 with `Result.exception`: code 5, the message, the stack trace as `data` (seen on a
 * real 1.1.0 and 1.2.0 for a missing cookie or parameter, a malformed body and a wrong method).
 */
export function springRejectionReply(rejection: SpringRejection, at: number): Reply {
  const message = rejectionMessage(rejection)
  const trace = `${REJECTIONS[rejection.kind]}: ${message}\n\tat org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1067)\n`
  return jsonReply(resultBody(trace, CODE.EXCEPTION, message, at))
}
