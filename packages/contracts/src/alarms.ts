import { z } from 'zod';
import { ZEquipmentCode, ZTagName } from './telemetry-config.ts';
import { ZId } from './tenancy.ts';

/** Alarm rules and alarms (issue 4): API input shapes of `alarm.*`. The rules live in packages/domain/src/alarm. */

export const ALARM_RULE_KINDS = ['high', 'low', 'rate_of_change', 'stale', 'state_change'] as const;
export const ZAlarmRuleKind = z.enum(ALARM_RULE_KINDS);
export type TAlarmRuleKind = z.infer<typeof ZAlarmRuleKind>;

/** Most urgent first (the order the alarm list sorts by). */
export const ALARM_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export const ZAlarmSeverity = z.enum(ALARM_SEVERITIES);
export type TAlarmSeverity = z.infer<typeof ZAlarmSeverity>;

/** ISA-18.2: an alarm stays open until it has both cleared and been acknowledged. */
export const ALARM_STATES = ['active_unacked', 'active_acked', 'cleared_unacked', 'closed'] as const;
export const ZAlarmState = z.enum(ALARM_STATES);
export type TAlarmState = z.infer<typeof ZAlarmState>;

/** The list views: open and not shelved, open and shelved, and closed alarms. */
export const ALARM_VIEWS = ['active', 'shelved', 'history'] as const;
export const ZAlarmView = z.enum(ALARM_VIEWS);
export type TAlarmView = z.infer<typeof ZAlarmView>;

/** Equipment operating states (lowercase codes as the state events carry them: `running`, `fault`, ...). */
export const ZEquipmentStateCode = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(32, 'must be at most 32 characters')
  .regex(/^[a-z][a-z0-9_]*$/, 'must be a lowercase state code such as "fault"');

/** Longest on-delay and shelving: one hour of delay, seven days on the shelf. */
export const MAX_ALARM_ON_DELAY_SECONDS = 3600;
export const MIN_STALE_AFTER_SECONDS = 5;
export const MAX_STALE_AFTER_SECONDS = 7 * 24 * 3600;
export const MAX_SHELVE_MS = 7 * 24 * 3600 * 1000;

const ZFiniteNumber = z.number('must be a number').finite('must be a finite number');

const ruleFields = {
  name: z
    .string('name is required')
    .trim()
    .min(1, 'name is required')
    .max(120, 'name must be at most 120 characters'),
  equipment: ZEquipmentCode,
  /** The measured tag; not used by state_change rules. */
  tag: ZTagName.nullable().default(null),
  kind: ZAlarmRuleKind,
  /** high/low: the limit. */
  threshold: ZFiniteNumber.nullable().default(null),
  /** high/low: the alarm clears only below threshold - deadband (high) or above threshold + deadband (low). */
  deadband: ZFiniteNumber.min(0, 'deadband must be 0 or more').default(0),
  /** rate_of_change: the largest allowed |change| per minute. */
  ratePerMinute: ZFiniteNumber.positive('must be greater than 0').nullable().default(null),
  /** stale: seconds without a sample. */
  staleAfterSeconds: z
    .number('must be a number')
    .int('must be whole seconds')
    .min(MIN_STALE_AFTER_SECONDS, `must be at least ${MIN_STALE_AFTER_SECONDS} seconds`)
    .max(MAX_STALE_AFTER_SECONDS, 'must be at most 7 days')
    .nullable()
    .default(null),
  /** state_change: entering one of these states raises the alarm. */
  triggerStates: z.array(ZEquipmentStateCode).max(10, 'at most 10 states').default([]),
  onDelaySeconds: z
    .number('must be a number')
    .int('must be whole seconds')
    .min(0, 'must be 0 or more')
    .max(MAX_ALARM_ON_DELAY_SECONDS, 'must be at most 3600 seconds')
    .default(0),
  severity: ZAlarmSeverity.default('medium'),
  message: z.string().trim().max(500, 'message must be at most 500 characters').default(''),
  enabled: z.boolean().default(true),
};

type TRuleFieldValues = {
  kind: TAlarmRuleKind;
  tag: string | null;
  threshold: number | null;
  ratePerMinute: number | null;
  staleAfterSeconds: number | null;
  triggerStates: string[];
};

/** What each kind needs, each missing piece named on its own field. */
function refineRule(r: TRuleFieldValues, ctx: z.RefinementCtx): void {
  const need = (field: keyof TRuleFieldValues, ok: boolean, message: string) => {
    if (!ok) ctx.addIssue({ code: 'custom', path: [field], message });
  };
  if (r.kind !== 'state_change') need('tag', r.tag !== null, `a ${r.kind} rule needs a tag`);
  if (r.kind === 'high' || r.kind === 'low') {
    need('threshold', r.threshold !== null, `a ${r.kind} rule needs a threshold`);
  }
  if (r.kind === 'rate_of_change') {
    need('ratePerMinute', r.ratePerMinute !== null, 'a rate-of-change rule needs a rate per minute');
  }
  if (r.kind === 'stale') {
    need('staleAfterSeconds', r.staleAfterSeconds !== null, 'a stale-data rule needs a number of seconds');
  }
  if (r.kind === 'state_change') {
    need('triggerStates', r.triggerStates.length > 0, 'a state-change rule needs at least one state');
  }
}

export const ZCreateAlarmRuleInput = z
  .strictObject({ plantId: ZId, ...ruleFields })
  .superRefine((r, ctx) => refineRule(r, ctx));
export type TCreateAlarmRuleInput = z.infer<typeof ZCreateAlarmRuleInput>;

/** Replaces a rule's settings (its plant stays). An open alarm of the rule is re-evaluated with the new settings. */
export const ZUpdateAlarmRuleInput = z
  .strictObject({ id: ZId, ...ruleFields })
  .superRefine((r, ctx) => refineRule(r, ctx));
export type TUpdateAlarmRuleInput = z.infer<typeof ZUpdateAlarmRuleInput>;

export const ZSetAlarmRuleEnabledInput = z.strictObject({
  id: ZId,
  enabled: z.boolean('must be true or false'),
});
export type TSetAlarmRuleEnabledInput = z.infer<typeof ZSetAlarmRuleEnabledInput>;

export const ZListAlarmRulesInput = z
  .strictObject({
    plantId: ZId.optional(),
    kind: ZAlarmRuleKind.optional(),
    enabled: z.boolean().optional(),
  })
  .default({});
export type TListAlarmRulesInput = z.infer<typeof ZListAlarmRulesInput>;

const ZInstant = z.coerce.date({ error: 'must be a date-time' });

export const ZListAlarmsInput = z
  .strictObject({
    view: ZAlarmView.default('active'),
    plantId: ZId.optional(),
    severity: z.array(ZAlarmSeverity).max(4).optional(),
    equipment: ZEquipmentCode.optional(),
    /** Raised at or after `from` and before `to`. */
    from: ZInstant.optional(),
    to: ZInstant.optional(),
    /** Rows to skip (paging). */
    cursor: z.number().int().min(0, 'cursor must be 0 or more').default(0),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .superRefine((r, ctx) => {
    if (r.from && r.to && r.to <= r.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
    }
  });
export type TListAlarmsInput = z.input<typeof ZListAlarmsInput>;
export type TListAlarmsQuery = z.output<typeof ZListAlarmsInput>;

export const ZGetAlarmInput = z.strictObject({ id: ZId });
export type TGetAlarmInput = z.infer<typeof ZGetAlarmInput>;

const ZAlarmText = z
  .string('text is required')
  .trim()
  .min(1, 'must not be empty')
  .max(1000, 'must be at most 1000 characters');

export const ZAckAlarmInput = z.strictObject({
  id: ZId,
  /** An optional note recorded with the acknowledgement. */
  comment: z.string().trim().max(1000, 'must be at most 1000 characters').default(''),
});
export type TAckAlarmInput = z.infer<typeof ZAckAlarmInput>;

export const ZShelveAlarmInput = z.strictObject({
  id: ZId,
  /** How long: the alarm comes back to the active list after this many minutes (at most 7 days). */
  minutes: z
    .number('must be a number')
    .int('must be whole minutes')
    .min(1, 'must be at least 1 minute')
    .max(MAX_SHELVE_MS / 60_000, 'must be at most 7 days'),
  reason: ZAlarmText,
});
export type TShelveAlarmInput = z.infer<typeof ZShelveAlarmInput>;

export const ZUnshelveAlarmInput = z.strictObject({ id: ZId });
export type TUnshelveAlarmInput = z.infer<typeof ZUnshelveAlarmInput>;

export const ZCommentAlarmInput = z.strictObject({ id: ZId, text: ZAlarmText });
export type TCommentAlarmInput = z.infer<typeof ZCommentAlarmInput>;
