/**
 * The console's own job actions as the timeline names them (issue 22): Dinky's `/api/task/*` calls (`JobAction`)
 * mapped to what an operator did — cancel, stop (with a savepoint), restart, restore (from a savepoint), savepoint.
 */
import type { JobAction } from '../../../shared/session'
import type { ConsoleActionKind } from '../../../shared/timeline'

/** What the console's job actions are called on the timeline. */
export function consoleActionKind(action: JobAction): ConsoleActionKind {
  switch (action.kind) {
    case 'cancel':
      return action.withSavepoint ? 'stop' : 'cancel'
    case 'restart':
      return action.savepointPath === null ? 'restart' : 'restore'
    case 'savepoint':
      return action.savepointType === 'trigger' ? 'savepoint' : action.savepointType
  }
}

/** Actions whose success leaves a savepoint behind. */
export function makesSavepoint(action: JobAction): boolean {
  return action.kind === 'savepoint' || (action.kind === 'cancel' && action.withSavepoint)
}
