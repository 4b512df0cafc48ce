import { SPC_RULES, type TSpcChartType, type TSpcRule } from '@ingot/contracts';
import type { SpcChart } from '@ingot/db';
import { parseStoredLimits, type TStoredLimits } from './stored-limits.ts';

export interface TSpcChartDto {
  id: string;
  plantId: string;
  name: string;
  chartType: TSpcChartType;
  characteristic: string;
  element: string;
  planId: string | null;
  /** 0 = one subgroup per inspection request; n = n consecutive results. */
  subgroupSize: number;
  rules: TSpcRule[];
  phase: 'I' | 'II';
  limits: TStoredLimits | null;
  limitsFrozenAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export function parseRules(json: unknown): TSpcRule[] {
  if (!Array.isArray(json)) return [];
  return json.filter((r): r is TSpcRule => (SPC_RULES as readonly string[]).includes(r as string));
}

export function toSpcChartDto(row: SpcChart): TSpcChartDto {
  return {
    id: row.id,
    plantId: row.plantId,
    name: row.name,
    chartType: row.chartType as TSpcChartType,
    characteristic: row.characteristic,
    element: row.element,
    planId: row.planId,
    subgroupSize: row.subgroupSize,
    rules: parseRules(row.rules),
    phase: row.phase === 'II' ? 'II' : 'I',
    limits: parseStoredLimits(row.limits),
    limitsFrozenAt: row.limitsFrozenAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
