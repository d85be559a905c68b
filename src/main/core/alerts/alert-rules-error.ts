/** A rules document that cannot be used (issue 22); the message names the rule or silence and the field. */
export class AlertRulesError extends Error {
  override readonly name = 'AlertRulesError'
}
