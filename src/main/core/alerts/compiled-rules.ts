/**
 * A rules document made ready for evaluation: globs compiled, minutes turned into milliseconds, silences into time
 * ranges. Compiling again keeps the objects of rules that did not change, so their open episodes survive an edit
 * of some other rule.
 */
import type {
  AlertRule,
  AlertRulesDocument,
  AlertSeverity,
  AlertSilence
} from '../../../shared/alerts'
import { compileScope, serverInScope, type CompiledScope, type ServerNames } from './alert-scope'

export interface CompiledRule {
  rule: AlertRule
  /** The rule's JSON: two rules are the same rule when this is equal. */
  signature: string
  name: string
  severity: AlertSeverity
  scope: CompiledScope
  /** `withinMinutes`, `minutes` (or `repeatMinutes`) in ms; 0 where the kind has none. */
  windowMs: number
  repeatMs: number | null
  /** Position in the document (severity ties in `active()` keep document order). */
  index: number
}

export interface CompiledSilence {
  label: string
  rule: string | null
  scope: CompiledScope
  from: number
  until: number
}

export interface CompiledRules {
  document: AlertRulesDocument
  rules: CompiledRule[]
  silences: CompiledSilence[]
}

const MINUTE = 60_000

function windowOf(rule: AlertRule): number {
  switch (rule.kind) {
    case 'restarts':
    case 'checkpoint-failures':
      return rule.withinMinutes * MINUTE
    case 'no-checkpoint':
      return (rule.minutes ?? 0) * MINUTE
    case 'backpressure':
    case 'server-stale':
      return rule.minutes * MINUTE
    default:
      return 0
  }
}

export function compileRules(
  document: AlertRulesDocument,
  previous: CompiledRules | null
): CompiledRules {
  const reusable = new Map(previous?.rules.map((r) => [r.signature, r]))
  const rules = document.rules
    .filter((rule) => rule.enabled !== false)
    .map((rule, index): CompiledRule => {
      const signature = JSON.stringify(rule)
      const kept = reusable.get(signature)
      if (kept) {
        // Kept rules stay the same objects: open episodes point at them.
        reusable.delete(signature)
        kept.index = index
        return kept
      }
      return {
        rule,
        signature,
        name: rule.name ?? rule.id,
        severity: rule.severity ?? 'warning',
        scope: compileScope(rule),
        windowMs: windowOf(rule),
        repeatMs: rule.repeatMinutes ? rule.repeatMinutes * MINUTE : null,
        index
      }
    })
  return { document, rules, silences: document.silences.map(compileSilence) }
}

function compileSilence(silence: AlertSilence, index: number): CompiledSilence {
  return {
    label: silence.id ?? `#${index + 1}`,
    rule: silence.rule ?? null,
    scope: compileScope(silence),
    from: silence.from ? Date.parse(silence.from) : -Infinity,
    until: Date.parse(silence.until)
  }
}

/** The rules that apply to a server (its job rules still filter by job name). */
export function rulesForServer(compiled: CompiledRules, server: ServerNames): CompiledRule[] {
  return compiled.rules.filter((r) => serverInScope(r.scope, server))
}
