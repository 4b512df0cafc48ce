import { describe, expect, it } from 'vitest';
import { checkRuleForm, type TRuleFormValues } from './alarm-rule-form-check.ts';

const base: TRuleFormValues = {
  name: 'CM-1 bearing',
  equipment: 'CM-1',
  tag: 'bearing_temp',
  kind: 'high',
  threshold: '80',
  deadband: '3',
  ratePerMinute: '',
  staleAfterSeconds: '',
  triggerStates: [],
  onDelaySeconds: '10',
};

describe('checkRuleForm', () => {
  it('accepts a complete high rule', () => {
    expect(checkRuleForm(base)).toEqual({});
  });
  it('names what each kind is missing', () => {
    expect(checkRuleForm({ ...base, threshold: '' })).toEqual({ threshold: 'required' });
    expect(checkRuleForm({ ...base, kind: 'rate_of_change' })).toEqual({ ratePerMinute: 'required' });
    expect(checkRuleForm({ ...base, kind: 'rate_of_change', ratePerMinute: '-1' })).toEqual({
      ratePerMinute: 'positive',
    });
    expect(checkRuleForm({ ...base, kind: 'stale', staleAfterSeconds: '2.5' })).toEqual({
      staleAfterSeconds: 'whole',
    });
    expect(checkRuleForm({ ...base, kind: 'state_change', tag: '' })).toEqual({ triggerStates: 'states' });
    expect(checkRuleForm({ ...base, name: ' ', deadband: '-2' })).toEqual({
      name: 'required',
      deadband: 'atLeast0',
    });
  });
});
