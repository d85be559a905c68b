/**
 * Reads a `--rules FILE` for the CLI: bounded in size, parsed as JSON, validated by `parseAlertRules`. Every
 * failure is an `AlertRulesError` whose message starts with the file's path, so the CLI prints it as it is.
 */
import { readFile, stat } from 'node:fs/promises'
import type { AlertRulesDocument } from '../../../shared/alerts'
import { AlertRulesError } from './alert-rules-error'
import { parseAlertRules } from './parse-alert-rules'

/** A rules file is small; anything past this is not one. */
export const MAX_RULES_FILE_BYTES = 1024 * 1024

export async function readAlertRulesFile(path: string): Promise<AlertRulesDocument> {
  let text: string
  try {
    const info = await stat(path)
    if (info.size > MAX_RULES_FILE_BYTES)
      throw new AlertRulesError(`${path}: larger than ${MAX_RULES_FILE_BYTES} bytes`)
    text = await readFile(path, 'utf8')
  } catch (error) {
    if (error instanceof AlertRulesError) throw error
    const code = (error as NodeJS.ErrnoException).code
    throw new AlertRulesError(`${path}: cannot be read (${code ?? String(error)})`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new AlertRulesError(`${path}: not JSON (${(error as Error).message})`)
  }
  try {
    return parseAlertRules(json)
  } catch (error) {
    if (error instanceof AlertRulesError) throw new AlertRulesError(`${path}: ${error.message}`)
    throw error
  }
}
