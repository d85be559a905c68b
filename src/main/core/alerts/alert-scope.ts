/**
 * Who a rule or a silence applies to: a server (profile id, profile name or origin) and a job-name glob, `*` for any
 * run of characters and `?` for one. Globs are compiled once per rules document, never per job per poll.
 */

/** A compiled glob: exact text when it has no wildcard, a RegExp otherwise. */
export type GlobTest = (text: string) => boolean

const ANY: GlobTest = () => true

/**
 * Why case-insensitive is a parameter: server origins and names are matched regardless of case (hosts are), job
 * names are Dinky's text and matched exactly.
 */
export function compileGlob(pattern: string | undefined, ignoreCase = false): GlobTest {
  if (pattern === undefined || pattern === '*') return ANY
  if (!/[*?]/.test(pattern)) {
    if (!ignoreCase) return (text) => text === pattern
    const lower = pattern.toLowerCase()
    return (text) => text.toLowerCase() === lower
  }
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('')
  const regex = new RegExp(`^${source}$`, ignoreCase ? 'is' : 's')
  return (text) => regex.test(text)
}

/** How a rule's or silence's scope is held once compiled. */
export interface CompiledScope {
  server: GlobTest
  job: GlobTest
  /** True when the job glob is absent or `*`: every job matches, nothing to test. */
  anyJob: boolean
}

export function compileScope(scope: { server?: string; job?: string }): CompiledScope {
  return {
    server: compileGlob(scope.server, true),
    job: compileGlob(scope.job),
    anyJob: scope.job === undefined || scope.job === '*'
  }
}

/** The names a server answers to in a rule's `server` scope. */
export interface ServerNames {
  profileId: string
  name: string
  origin: string
}

export function serverInScope(scope: CompiledScope, server: ServerNames): boolean {
  return scope.server(server.profileId) || scope.server(server.name) || scope.server(server.origin)
}
