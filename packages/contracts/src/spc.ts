import { z } from 'zod';
import { ZCharacteristicCode } from './quality.ts';
import { ZId, ZName } from './tenancy.ts';

/** SPC charts (issue 6): API input shapes of `spc.*`. The statistics live in packages/domain/src/spc. */

export const SPC_CHART_TYPES = ['xbar_r', 'xbar_s', 'i_mr', 'p', 'np', 'c', 'u'] as const;
export const ZSpcChartType = z.enum(SPC_CHART_TYPES);
export type TSpcChartType = z.infer<typeof ZSpcChartType>;

/** Western Electric rules 1–4 and Nelson rules 1–8. */
export const SPC_RULES = [
  'WE1',
  'WE2',
  'WE3',
  'WE4',
  'N1',
  'N2',
  'N3',
  'N4',
  'N5',
  'N6',
  'N7',
  'N8',
] as const;
export const ZSpcRule = z.enum(SPC_RULES);
export type TSpcRule = z.infer<typeof ZSpcRule>;

export const SPC_PHASES = ['I', 'II'] as const;

/**
 * How results form subgroups: 0 = one subgroup per inspection request (all its results of the characteristic);
 * n ≥ 1 = n consecutive results (I-MR takes 1; X̄-R 2..25; X̄-S 2..50).
 */
export const ZSubgroupSize = z
  .number('subgroupSize must be a number')
  .int('subgroupSize must be a whole number')
  .min(0, 'subgroupSize must be 0 (per request) or more')
  .max(50, 'subgroupSize must be at most 50');

const ZRules = z
  .array(ZSpcRule)
  .min(1, 'choose at least one rule')
  .max(SPC_RULES.length)
  .refine((r) => new Set(r).size === r.length, 'rules must not repeat');

const ZElement = z.string().trim().max(32, 'element must be at most 32 characters');

function checkSubgrouping(
  v: { chartType?: TSpcChartType | undefined; subgroupSize?: number | undefined },
  ctx: z.RefinementCtx,
): void {
  if (v.chartType === undefined || v.subgroupSize === undefined) return;
  if (v.chartType === 'i_mr' && v.subgroupSize !== 1) {
    ctx.addIssue({ code: 'custom', path: ['subgroupSize'], message: 'I-MR charts take subgroups of 1' });
  }
  if ((v.chartType === 'xbar_r' || v.chartType === 'xbar_s') && v.subgroupSize === 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['subgroupSize'],
      message: 'X̄ charts need subgroups of 2 or more (or 0: per request)',
    });
  }
  if (v.chartType === 'xbar_r' && v.subgroupSize > 25) {
    ctx.addIssue({
      code: 'custom',
      path: ['subgroupSize'],
      message: 'X̄-R charts take subgroups of at most 25; use X̄-S',
    });
  }
}

export const ZCreateSpcChartInput = z
  .object({
    plantId: ZId,
    name: ZName,
    chartType: ZSpcChartType,
    characteristic: ZCharacteristicCode,
    element: ZElement.default(''),
    planId: ZId.nullable().default(null),
    subgroupSize: ZSubgroupSize,
    rules: ZRules.default(['WE1', 'WE2', 'WE3', 'WE4']),
  })
  .superRefine(checkSubgrouping);
export type TCreateSpcChartInput = z.infer<typeof ZCreateSpcChartInput>;

/** Name and rules can change at any time; what feeds the chart only while it is in phase I (limits are reset). */
export const ZUpdateSpcChartInput = z
  .object({
    id: ZId,
    name: ZName.optional(),
    rules: ZRules.optional(),
    chartType: ZSpcChartType.optional(),
    characteristic: ZCharacteristicCode.optional(),
    element: ZElement.optional(),
    planId: ZId.nullable().optional(),
    subgroupSize: ZSubgroupSize.optional(),
  })
  .superRefine(checkSubgrouping);
export type TUpdateSpcChartInput = z.infer<typeof ZUpdateSpcChartInput>;

export const ZListSpcChartsInput = z.object({ plantId: ZId.optional() }).default({});
export type TListSpcChartsInput = z.infer<typeof ZListSpcChartsInput>;

export const ZGetSpcChartInput = z.object({ id: ZId });
export type TGetSpcChartInput = z.infer<typeof ZGetSpcChartInput>;

/** A subgroup's key: the request id (per-request subgrouping) or the id of its first result. */
export const ZSubgroupKey = z.uuid('must be a subgroup key (UUID)');

/**
 * Phase I: estimate trial limits from the chart's subgroups, leaving out `excludedKeys`; with `revise`, also leave
 * out every subgroup beyond a limit and recompute until none is left.
 */
export const ZComputeSpcLimitsInput = z.object({
  id: ZId,
  excludedKeys: z.array(ZSubgroupKey).max(1000, 'at most 1000 excluded subgroups').default([]),
  revise: z.boolean().default(false),
});
export type TComputeSpcLimitsInput = z.infer<typeof ZComputeSpcLimitsInput>;

/** Freeze the phase I limits: the chart moves to phase II and is monitored against them. */
export const ZFreezeSpcLimitsInput = z.object({ id: ZId });
export type TFreezeSpcLimitsInput = z.infer<typeof ZFreezeSpcLimitsInput>;

/** Reopen phase I (limits are kept as trial limits until recomputed). */
export const ZReopenSpcChartInput = z.object({ id: ZId });
export type TReopenSpcChartInput = z.infer<typeof ZReopenSpcChartInput>;

export const ZSpcConfidence = z.union(
  [z.literal(0.9), z.literal(0.95), z.literal(0.99)],
  'confidence must be 0.9, 0.95 or 0.99',
);

export const ZSpcChartDataInput = z.object({
  id: ZId,
  confidence: ZSpcConfidence.default(0.95),
});
export type TSpcChartDataInput = z.infer<typeof ZSpcChartDataInput>;

const ZSpecLimit = z.number('must be a number').finite('must be a finite number');

/**
 * Capability of a characteristic's results against its specification limits (the characteristic's own limits, or
 * those given here). With `chartId`, Cp/Cpk use that chart's within-subgroup sigma; otherwise the moving range of
 * consecutive results (MR̄/d2).
 */
export const ZSpcCapabilityInput = z
  .object({
    characteristicId: ZId,
    chartId: ZId.nullable().default(null),
    lsl: ZSpecLimit.nullable().default(null),
    usl: ZSpecLimit.nullable().default(null),
    confidence: ZSpcConfidence.default(0.95),
  })
  .refine((v) => v.lsl === null || v.usl === null || v.usl > v.lsl, {
    path: ['usl'],
    message: 'usl must exceed lsl',
  });
export type TSpcCapabilityInput = z.infer<typeof ZSpcCapabilityInput>;
