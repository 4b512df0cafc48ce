import type { TAlarmRuleKind } from '@ingot/contracts';

/** The rule form's values as typed (strings from inputs). */
export interface TRuleFormValues {
  name: string;
  equipment: string;
  tag: string;
  kind: TAlarmRuleKind;
  threshold: string;
  deadband: string;
  ratePerMinute: string;
  staleAfterSeconds: string;
  triggerStates: string[];
  onDelaySeconds: string;
}

/** Message keys per field (the form shows them next to the fields, in the user's language). */
export type TRuleFormProblems = Partial<
  Record<keyof TRuleFormValues, 'required' | 'number' | 'positive' | 'atLeast0' | 'whole' | 'states'>
>;

const num = (s: string): number | null => (s.trim() === '' ? null : Number(s));

/**
 * What the API would refuse, checked before sending so the messages come in the user's language; the API checks
 * again (and names the field) whatever the portal does.
 */
export function checkRuleForm(v: TRuleFormValues): TRuleFormProblems {
  const p: TRuleFormProblems = {};
  if (!v.name.trim()) p.name = 'required';
  if (!v.equipment.trim()) p.equipment = 'required';
  if (v.kind !== 'state_change' && !v.tag.trim()) p.tag = 'required';
  const threshold = num(v.threshold);
  if (v.kind === 'high' || v.kind === 'low') {
    if (threshold === null) p.threshold = 'required';
    else if (!Number.isFinite(threshold)) p.threshold = 'number';
  }
  const deadband = num(v.deadband);
  if (deadband !== null && !(Number.isFinite(deadband) && deadband >= 0)) p.deadband = 'atLeast0';
  if (v.kind === 'rate_of_change') {
    const rate = num(v.ratePerMinute);
    if (rate === null) p.ratePerMinute = 'required';
    else if (!(Number.isFinite(rate) && rate > 0)) p.ratePerMinute = 'positive';
  }
  if (v.kind === 'stale') {
    const s = num(v.staleAfterSeconds);
    if (s === null) p.staleAfterSeconds = 'required';
    else if (!Number.isInteger(s) || s < 5) p.staleAfterSeconds = 'whole';
  }
  if (v.kind === 'state_change' && v.triggerStates.length === 0) p.triggerStates = 'states';
  const delay = num(v.onDelaySeconds);
  if (delay !== null && !(Number.isInteger(delay) && delay >= 0)) p.onDelaySeconds = 'whole';
  return p;
}
