import type { TAlarmRuleDto } from '@ingot/domain';
import { describe, expect, it } from 'vitest';
import { RuleMonitor } from './rule-monitor.ts';

const rule = (over: Partial<TAlarmRuleDto>): TAlarmRuleDto => ({
  id: 'r1',
  plantId: 'p1',
  name: 'rule',
  equipment: 'CM-1',
  tag: 'bearing_temp',
  kind: 'high',
  threshold: 85,
  deadband: 3,
  ratePerMinute: null,
  staleAfterSeconds: null,
  triggerStates: [],
  onDelaySeconds: 0,
  severity: 'high',
  message: '',
  enabled: true,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...over,
});

/** Feeds values one second apart and returns the actions taken. */
function feed(m: RuleMonitor, values: number[], t0 = 1_000_000): string[] {
  return values.map((v, i) => m.observeValue(t0 + i * 1000, v)?.action ?? '-');
}

describe('RuleMonitor', () => {
  it('high: raises once above the threshold, holds inside the deadband, clears below threshold - deadband', () => {
    const m = new RuleMonitor(rule({}), false);
    expect(feed(m, [80, 86, 90, 84, 86, 83, 81.9, 82, 86])).toEqual([
      '-',
      'raise',
      '-',
      '-',
      '-',
      '-',
      'clear',
      '-',
      'raise',
    ]);
  });

  it('low: mirrored, with the deadband above the threshold', () => {
    const m = new RuleMonitor(rule({ kind: 'low', threshold: 10, deadband: 1 }), false);
    expect(feed(m, [12, 9, 10.5, 11, 11.5])).toEqual(['-', 'raise', '-', '-', 'clear']);
  });

  it('on-delay: the condition must hold for the delay; a dip restarts it', () => {
    const m = new RuleMonitor(rule({ onDelaySeconds: 2 }), false);
    expect(feed(m, [90, 91, 80, 90, 91, 92])).toEqual(['-', '-', '-', '-', '-', 'raise']);
  });

  it('rate of change per minute from consecutive samples, both directions', () => {
    const m = new RuleMonitor(
      rule({ kind: 'rate_of_change', threshold: null, ratePerMinute: 6, deadband: 0 }),
      false,
    );
    // one second apart: 0.05 per s = 3 /min, then 0.2 per s = 12 /min, then flat, then a fall of 12 /min.
    expect(feed(m, [10, 10.05, 10.25, 10.25, 10.05])).toEqual(['-', '-', 'raise', 'clear', 'raise']);
  });

  it('skips samples older than the last judged, and bad-quality (null) values', () => {
    const m = new RuleMonitor(rule({}), false);
    expect(m.observeValue(2000, 90)?.action).toBe('raise');
    expect(m.observeValue(1000, 50)).toBeNull();
    expect(m.observeValue(3000, null)).toBeNull();
    expect(m.observeValue(4000, 50)?.action).toBe('clear');
  });

  it('state_change: entering a trigger state raises, leaving it clears', () => {
    const m = new RuleMonitor(rule({ kind: 'state_change', tag: null, triggerStates: ['fault'] }), false);
    expect(m.observeState(1000, 'running')).toBeNull();
    expect(m.observeState(2000, 'fault')?.action).toBe('raise');
    expect(m.observeState(3000, 'fault')).toBeNull();
    expect(m.observeState(4000, 'idle')?.action).toBe('clear');
  });

  it('stale: raises when the newest sample is older than the limit (or none came for the whole period), clears on data', () => {
    const m = new RuleMonitor(rule({ kind: 'stale', threshold: null, staleAfterSeconds: 10 }), false);
    const start = 1_000_000;
    expect(m.checkStale(null, start + 5000, start)).toBeNull();
    expect(m.checkStale(null, start + 11_000, start)?.action).toBe('raise');
    expect(m.checkStale(null, start + 12_000, start)).toBeNull();
    expect(m.observeValue(start + 13_000, 1)?.action).toBe('clear');
    expect(m.checkStale(start + 13_000, start + 20_000, start)).toBeNull();
    expect(m.checkStale(start + 13_000, start + 24_000, start)?.action).toBe('raise');
  });

  it('an alarm known active (from the database) is not raised again, only cleared', () => {
    const m = new RuleMonitor(rule({}), true);
    expect(feed(m, [90, 95, 70])).toEqual(['-', '-', 'clear']);
  });
});
