import type { TCreateAlarmRuleInput } from '@ingot/contracts';
import { DomainError } from '../errors/domain-error.ts';

type TRuleSettings = Omit<TCreateAlarmRuleInput, 'plantId'>;

/**
 * The columns a rule's settings are stored as. Settings that mean nothing for the kind are stored empty (a state
 * rule keeps no threshold), so the evaluator never reads a leftover; what the kind needs is checked here too,
 * with the field named, for callers that did not come through the API's schema.
 */
export function alarmRuleData(s: TRuleSettings) {
  const missing = (field: string, what: string) =>
    new DomainError('BAD_REQUEST', `a ${s.kind} rule needs ${what}`, field);
  const level = s.kind === 'high' || s.kind === 'low';
  if (s.kind !== 'state_change' && !s.tag) throw missing('tag', 'a tag');
  if (level && (s.threshold === null || !Number.isFinite(s.threshold)))
    throw missing('threshold', 'a threshold');
  if (s.kind === 'rate_of_change' && !(s.ratePerMinute !== null && s.ratePerMinute > 0)) {
    throw missing('ratePerMinute', 'a rate per minute greater than 0');
  }
  if (s.kind === 'stale' && !(s.staleAfterSeconds !== null && s.staleAfterSeconds > 0)) {
    throw missing('staleAfterSeconds', 'a number of seconds');
  }
  if (s.kind === 'state_change' && s.triggerStates.length === 0)
    throw missing('triggerStates', 'at least one state');
  if (!(s.deadband >= 0)) throw new DomainError('BAD_REQUEST', 'deadband must be 0 or more', 'deadband');
  return {
    name: s.name,
    equipment: s.equipment,
    tag: s.kind === 'state_change' ? null : s.tag,
    kind: s.kind,
    threshold: level ? s.threshold : null,
    deadband: level || s.kind === 'rate_of_change' ? s.deadband : 0,
    ratePerMinute: s.kind === 'rate_of_change' ? s.ratePerMinute : null,
    staleAfterSeconds: s.kind === 'stale' ? s.staleAfterSeconds : null,
    triggerStates: s.kind === 'state_change' ? [...new Set(s.triggerStates)] : [],
    onDelaySeconds: s.kind === 'stale' ? 0 : s.onDelaySeconds,
    severity: s.severity,
    message: s.message,
    enabled: s.enabled,
  };
}

export function alarmRuleAuditDetails(d: ReturnType<typeof alarmRuleData>) {
  return {
    name: d.name,
    equipment: d.equipment,
    tag: d.tag,
    kind: d.kind,
    threshold: d.threshold,
    deadband: d.deadband,
    ratePerMinute: d.ratePerMinute,
    staleAfterSeconds: d.staleAfterSeconds,
    triggerStates: d.triggerStates,
    onDelaySeconds: d.onDelaySeconds,
    severity: d.severity,
    enabled: d.enabled,
  };
}
