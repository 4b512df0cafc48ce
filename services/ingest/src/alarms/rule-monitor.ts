import type { TAlarmRuleDto } from '@ingot/domain';

/** What a sample means for a rule's alarm: raise it (with the value that did), clear it, or nothing. */
export type TRuleDecision = { action: 'raise' | 'clear'; at: Date; value: number | null } | null;

/**
 * The state of one rule in one ingest process: whether its alarm is active (synchronised from the database on
 * every rule refresh, so a restarted or second replica knows), since when its condition has held (on-delay), and
 * the previous sample (rate of change, out-of-order samples). Pure: decisions are carried out by the evaluator.
 */
export class RuleMonitor {
  readonly rule: TAlarmRuleDto;
  active: boolean;
  /** Source time the condition started to hold, while waiting out the on-delay. */
  private pendingSince: number | null = null;
  private last: { ts: number; value: number | null } | null = null;
  /** Newest source time of a sample of the rule's tag seen here (stale rules). */
  lastSeen: number | null = null;

  constructor(rule: TAlarmRuleDto, active: boolean) {
    this.rule = rule;
    this.active = active;
  }

  /** A numeric sample of the rule's equipment and tag (high, low, rate_of_change; stale notes it was seen). */
  observeValue(ts: number, value: number | null): TRuleDecision {
    if (this.last && ts <= this.last.ts) return null; // older than what was judged already (backfill, redelivery)
    const previous = this.last;
    this.last = { ts, value };
    this.lastSeen = Math.max(this.lastSeen ?? ts, ts);
    const r = this.rule;
    if (r.kind === 'stale') {
      if (!this.active) return null;
      this.active = false;
      // Stale alarms are raised on the wall clock; their clear is too, so it never precedes the raise.
      return { action: 'clear', at: new Date(Math.max(ts, Date.now())), value };
    }
    if (value === null) return null;
    if (r.kind === 'high' || r.kind === 'low') {
      const limit = r.threshold as number;
      const above = r.kind === 'high';
      const holds = above ? value > limit : value < limit;
      // Hysteresis: once raised, only a value beyond the deadband clears it.
      const gone = above ? value < limit - r.deadband : value > limit + r.deadband;
      return this.judge(ts, value, holds, gone);
    }
    if (r.kind === 'rate_of_change') {
      if (!previous || previous.value === null) return null;
      const minutes = (ts - previous.ts) / 60_000;
      const rate = Math.abs(value - previous.value) / minutes;
      const limit = r.ratePerMinute as number;
      return this.judge(ts, value, rate > limit, rate <= Math.max(0, limit - r.deadband));
    }
    return null;
  }

  /** The equipment entered `state` (state_change rules). */
  observeState(ts: number, state: string): TRuleDecision {
    if (this.rule.kind !== 'state_change') return null;
    if (this.last && ts <= this.last.ts) return null;
    this.last = { ts, value: null };
    const holds = this.rule.triggerStates.includes(state);
    return this.judge(ts, null, holds, !holds);
  }

  /** The stale check: `newest` is the newest sample's source time (null: none ever), `now` the wall clock. */
  checkStale(newest: number | null, now: number, watchingSince: number): TRuleDecision {
    if (this.rule.kind !== 'stale' || this.rule.staleAfterSeconds === null) return null;
    const seen = Math.max(newest ?? 0, this.lastSeen ?? 0) || null;
    const limitMs = this.rule.staleAfterSeconds * 1000;
    // Never seen: stale once this process has watched for the whole period (not at the instant it starts).
    const age = now - (seen ?? watchingSince);
    if (!this.active && age > limitMs) {
      this.active = true;
      return { action: 'raise', at: new Date(now), value: null };
    }
    if (this.active && seen !== null && age <= limitMs) {
      this.active = false;
      return { action: 'clear', at: new Date(now), value: null };
    }
    return null;
  }

  private judge(ts: number, value: number | null, holds: boolean, gone: boolean): TRuleDecision {
    if (this.active) {
      if (!gone) return null;
      this.active = false;
      this.pendingSince = null;
      return { action: 'clear', at: new Date(ts), value };
    }
    if (!holds) {
      this.pendingSince = null;
      return null;
    }
    this.pendingSince ??= ts;
    if (ts - this.pendingSince < this.rule.onDelaySeconds * 1000) return null;
    this.active = true;
    this.pendingSince = null;
    return { action: 'raise', at: new Date(ts), value };
  }
}
