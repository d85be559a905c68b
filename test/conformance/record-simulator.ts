/**
 * Test support: records a simulator with `dinky-console record` in-process (the command itself, not a copy), stopping
 * as soon as the session has opened what it records, and returns the directory with the secrets that must not be
 * in it (the password, every token the server handed out).
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseRecordArgs } from '../../src/main/cli/record-args'
import { runRecord } from '../../src/main/cli/record-command'
import { createLineLogger } from '../../src/main/core/logger'
import type { FetchLike } from '../../src/main/core/ports'

export const SIM_PASSWORD = 'dinky123!@#'

export async function recordSimulator(url: string, extra: string[] = []) {
  const dir = await mkdtemp(join(tmpdir(), 'dinky-recording-'))
  const tokens = new Set<string>()
  const seeTokens: FetchLike = async (input, init) => {
    const response = await fetch(input, init)
    for (const name of ['token', 'dinky-token']) {
      const value = response.headers.get(name)
      if (value) tokens.add(value)
    }
    return response
  }
  let stop = () => {}
  const stopSignal = new Promise<void>((resolve) => (stop = resolve))
  const out: string[] = []
  const code = await runRecord(
    parseRecordArgs(['--server', url, '--out', dir, '--seconds', '30', ...extra]),
    {
      out: (line) => out.push(line),
      logger: createLineLogger(() => undefined, { level: 'error' }),
      env: { DINKY_PASSWORD: SIM_PASSWORD },
      now: () => Date.now(),
      stopSignal,
      fetch: seeTokens,
      onOpened: stop
    }
  )
  return { dir, code, tokens, out }
}
