/**
 * The CLI's dispatcher: parses the arguments and runs a command against the process's ports, returning the exit
 * code (2 for bad arguments, with the usage text). `cli.ts` only binds it to the real process.
 */
import { parseCliArgs, USAGE, UsageError, type CliCommand } from './cli-args'
import { runWatch, type WatchIo } from './watch-command'
import { runCacheCommand, type CacheCommandIo } from './cache-command'
import { parseJob, runJobCommand } from './job-command'
import { parseRecordArgs, parseReplayArgs } from './record-args'
import { runRecord } from './record-command'
import { runReplay } from './replay-command'
import { parseTimelineArgs, runTimelineCommand } from './timeline-command'
import { parseFleet } from './fleet-args'
import { runFleet } from './fleet-command'
import type { AlertRulesDocument } from '../../shared/alerts'
import { AlertRulesError } from '../core/alerts/alert-rules-error'
import { readAlertRulesFile } from '../core/alerts/alert-rules-file'

/** What every command needs of the process, plus stderr for the usage text. */
export interface CliIo extends WatchIo, CacheCommandIo {
  err(line: string): void
}

/** Why a returned code and not `process.exit` here: the caller exits only after stdout has drained. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let command: CliCommand
  let job: ReturnType<typeof parseJob> | null = null
  let record: ReturnType<typeof parseRecordArgs> | null = null
  let replay: ReturnType<typeof parseReplayArgs> | null = null
  let timeline: ReturnType<typeof parseTimelineArgs> | null = null
  let fleet: ReturnType<typeof parseFleet> | null = null
  try {
    command = parseCliArgs(argv)
    if (command.kind === 'job') job = parseJob(command.args)
    if (command.kind === 'record') record = parseRecordArgs(command.args)
    if (command.kind === 'replay') replay = parseReplayArgs(command.args)
    if (command.kind === 'timeline') timeline = parseTimelineArgs(command.args)
    if (command.kind === 'fleet') fleet = parseFleet(command.args)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    io.err(`dinky-console: ${error.message}\n\n${USAGE}`)
    return 2
  }
  switch (command.kind) {
    case 'help':
      io.out(USAGE)
      return 0
    case 'cache':
      return runCacheCommand(command, io)
    case 'watch': {
      // A bad rules file is the operator's to fix: said before anything connects, exit 2 like a bad argument.
      let rules: AlertRulesDocument | null = null
      try {
        rules = command.options.rules ? await readAlertRulesFile(command.options.rules) : null
      } catch (error) {
        if (!(error instanceof AlertRulesError)) throw error
        io.err(`dinky-console: ${error.message}`)
        return 2
      }
      return runWatch(command.options, io, rules)
    }
    case 'job':
      return runJobCommand(job!, io)
    case 'record':
      return runRecord(record!, io)
    case 'replay':
      return runReplay(replay!, io)
    case 'timeline':
      return runTimelineCommand(timeline!, io)
    case 'fleet':
      return runFleet(fleet!, io)
  }
}
